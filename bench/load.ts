// npm run bench:load — issue #8's load target on PostgreSQL: a business of realistic size
// (2,000 invoices in the year), 50 concurrent connections for 60 s per target (autocannon
// against `server.ts`): the invoice list, one invoice and the turnover endpoint with an
// API token, and the business dashboard page with a session cookie (served by the page
// cache once rendered; also measured rendered for every request, for reference). Prints
// throughput, p50/p95/p99 and errors per target. Target: zero errors and p95 under 200 ms.
//   BENCH_SECONDS (60), BENCH_CONNECTIONS (50), BENCH_INVOICES (2000), BENCH_PORT (3300),
//   BENCH_ONLY (run only the targets whose name contains it, e.g. "rendered every time"),
//   BENCH_SERVER_NODE_ARGS (extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof")
import { spawn, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import { ensureBuilt } from "@/scripts/bootstrap.mjs";
import { createDatabase, dropDatabase, useDatabaseInProcess } from "@/test/integration/database";
import { makeCsv } from "@/bench/import-throughput";
import { percentile, processCpuMs, serverCpuNote, sessionCookie, waitFor } from "@/bench/http-helpers";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const INVOICES = Number(process.env.BENCH_INVOICES ?? 2_000);
const P95_TARGET_MS = 200;
const PASSWORD = "bench-wachtwoord-lang-genoeg";
const base = `http://127.0.0.1:${PORT}`;

type Outcome = { name: string; met: boolean };

async function load(
  name: string,
  url: string,
  headers: Record<string, string>,
  serverPid: number | undefined,
  target = true,
): Promise<Outcome> {
  const latencies: number[] = [];
  const cpuBefore = processCpuMs(serverPid);
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, status, _bytes, time) => {
      latencies.push(time);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
  latencies.sort((a, b) => a - b);
  // autocannon counts timeouts among its connection errors.
  const errors = result.errors + result.non2xx;
  const p95 = percentile(latencies, 95);
  const met = errors === 0 && p95 < P95_TARGET_MS;
  const serverCpu = serverCpuNote(serverPid, cpuBefore, latencies.length);
  console.log(
    `${name}: ${latencies.length} requests in ${SECONDS} s, ${(latencies.length / SECONDS).toFixed(1)} req/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms${serverCpu}, errors ${errors} (connection errors ${result.errors}, of them timeouts ${result.timeouts}; non-2xx ${result.non2xx}), statuses ${JSON.stringify(Object.fromEntries(statuses))}${target ? ` → target ${met ? "met" : "MISSED"}` : ""}`,
  );
  return { name, met };
}

async function main() {
  ensureBuilt();
  const database = await createDatabase("drempel_bench_load");
  useDatabaseInProcess(database.url);
  const { db, disconnectDb } = await import("@/lib/platform/db/client");
  const { hashPassword } = await import("@/lib/platform/auth/password");
  const { createBusiness } = await import("@/lib/features/businesses/create-business");
  const { commitImport } = await import("@/lib/features/invoices/import/import-invoices");
  const { createApiToken } = await import("@/lib/features/api-tokens/create-api-token");
  let server: ChildProcess | undefined;
  const outcomes: Outcome[] = [];
  try {
    const user = await db().user.create({
      data: { email: "bench-load@drempel.nl", name: "Bench Load", passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() },
    });
    const business = await createBusiness({
      caller: { userId: user.id },
      input: { name: "Bench Load BV", korParticipations: [{ from: "2024-01-01" }] },
    });
    await commitImport({ caller: { userId: user.id }, businessId: business.id, csv: makeCsv(INVOICES) });
    const invoice = await db().invoice.findFirstOrThrow({
      where: { businessId: business.id },
      orderBy: { number: "asc" },
      select: { id: true },
    });
    const { secret } = await createApiToken({ caller: { userId: user.id }, input: { name: "bench", scope: "read" } });
    await disconnectDb();

    const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
    server = spawn("node", [...nodeArgs, "--import", "tsx", "server.ts"], {
      env: {
        ...process.env,
        PORT: String(PORT),
        HOSTNAME_BIND: "127.0.0.1",
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: "bench-secret-0123456789abcdef",
        NEXTAUTH_URL: base,
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        LOGIN_RATE_LIMIT: "1000",
        API_RATE_LIMIT: "100000000",
      },
      stdio: process.env.BENCH_SERVER_LOG ? ["ignore", "ignore", "inherit"] : "ignore",
    });
    await waitFor(`${base}/api/health`);
    const cookie = await sessionCookie(base, user.email, PASSWORD);
    const bearer = { authorization: `Bearer ${secret}` };
    const dashboard = `${base}/businesses/${business.id}`;
    const api = `${base}/api/v1/businesses/${business.id}`;
    const targets: [string, string, Record<string, string>][] = [
      ["invoice list (GET …/invoices?year=2026&page=1)", `${api}/invoices?year=2026&page=1&pageSize=50`, bearer],
      ["one invoice (GET …/invoices/{id})", `${api}/invoices/${invoice.id}`, bearer],
      ["turnover (GET …/turnover?year=2026)", `${api}/turnover?year=2026`, bearer],
      // As a browser asks for it: gzip accepted. After the first request it comes from the page cache.
      ["dashboard page (GET /businesses/{id}, session)", dashboard, { cookie, "accept-encoding": "gzip" }],
    ];
    // For reference, not a target: the same page rendered for every request (an extra query
    // parameter takes it past the page cache), as after each change to the books.
    const reference: [string, string, Record<string, string>] = [
      "dashboard page rendered every time (reference)",
      `${dashboard}?render=1`,
      { cookie, "accept-encoding": "gzip" },
    ];
    // Warm up (the first request fills caches), then one request at a time: the floor under the loaded figures.
    const only = process.env.BENCH_ONLY;
    const chosen = (name: string) => !only || name.includes(only);
    for (const [name, url, headers] of [...targets, reference].filter(([name]) => chosen(name))) {
      const times: number[] = [];
      for (let i = 0; i < 6; i++) {
        const t0 = performance.now();
        const response = await fetch(url, { headers, redirect: "manual" });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${url} answered ${response.status} before the run`);
        const cached = response.headers.get("x-drempel-page-cache");
        if (url === dashboard && i > 0 && cached !== "hit")
          throw new Error(`the dashboard came from ${cached ?? "no"} page cache on request ${i + 1}`);
        if (i > 0) times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      console.log(`${name}: one request at a time, median ${percentile(times, 50).toFixed(1)} ms`);
    }
    console.log(
      `business with ${INVOICES} invoices in 2026; ${CONNECTIONS} connections, ${SECONDS} s per target; target: zero errors and p95 < ${P95_TARGET_MS} ms`,
    );
    for (const [name, url, headers] of targets.filter(([name]) => chosen(name))) outcomes.push(await load(name, url, headers, server.pid));
    if (chosen(reference[0])) await load(...reference, server.pid, false);
  } finally {
    server?.kill("SIGTERM");
    await disconnectDb();
    await dropDatabase(database.name);
  }
  const missed = outcomes.filter((outcome) => !outcome.met);
  console.log(missed.length ? `target missed by: ${missed.map((o) => o.name).join("; ")}` : "target met by every endpoint");
  process.exit(missed.length ? 1 : 0);
}

await main();

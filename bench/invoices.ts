// npm run bench:invoices — issue #4's figures on PostgreSQL:
//  1. a business with 10,000 invoices; the invoice list page and the turnover endpoint
//     under 20 concurrent requests (autocannon against `server.ts`), p50/p95;
//  2. CSV import throughput for 100,000 rows.
// Targets on these machines: p95 under 100 ms for both endpoints; ≥ 5,000 rows/s.
// The API rate limit stays on (its counter is part of every request) with a limit high
// enough for the benchmark's request rate.
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { ensureBuilt } from "@/scripts/bootstrap.mjs";
import { createDatabase, dropDatabase, useDatabaseInProcess } from "@/test/integration/database";
import { benchImport, makeCsv } from "@/bench/import-throughput";
import { percentile, processCpuMs, serverCpuNote, waitFor } from "@/bench/http-helpers";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

async function load(name: string, url: string, token: string, serverPid: number | undefined) {
  const latencies: number[] = [];
  const cpuBefore = processCpuMs(serverPid);
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: 20, duration: SECONDS, headers: { authorization: `Bearer ${token}` } },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, status, _bytes, time) => {
      latencies.push(time);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
  latencies.sort((a, b) => a - b);
  const errors = result.errors + result.timeouts + result.non2xx;
  const serverCpu = serverCpuNote(serverPid, cpuBefore, latencies.length);
  console.log(
    `${name}: ${latencies.length} requests in ${SECONDS} s (${Math.round(result.requests.average)} req/s), p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms${serverCpu}, errors/non-2xx ${errors}, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
}

async function main() {
  ensureBuilt();
  const database = await createDatabase("drempel_bench_http");
  useDatabaseInProcess(database.url);
  const { db, disconnectDb } = await import("@/lib/platform/db/client");
  const { createBusiness } = await import("@/lib/features/businesses/create-business");
  const { commitImport } = await import("@/lib/features/invoices/import/import-invoices");
  const { createApiToken } = await import("@/lib/features/api-tokens/create-api-token");
  let server: ReturnType<typeof spawn> | undefined;
  try {
    const user = await db().user.create({
      data: { email: "bench-http@drempel.nl", name: "Bench", passwordHash: "x", emailVerifiedAt: new Date() },
    });
    const business = await createBusiness({
      caller: { userId: user.id },
      input: { name: "Bench BV", korParticipations: [{ from: "2024-01-01" }] },
    });
    await commitImport({ caller: { userId: user.id }, businessId: business.id, csv: makeCsv(10_000) });
    const { secret } = await createApiToken({ caller: { userId: user.id }, input: { name: "bench", scope: "read" } });
    await disconnectDb();

    server = spawn("node", ["--import", "tsx", "server.ts"], {
      env: {
        ...process.env,
        PORT: String(PORT),
        HOSTNAME_BIND: "127.0.0.1",
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: "bench-secret-0123456789abcdef",
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        API_RATE_LIMIT: "100000000",
      },
      stdio: "ignore",
    });
    const base = `http://127.0.0.1:${PORT}`;
    await waitFor(`${base}/api/health`);
    const list = `${base}/api/v1/businesses/${business.id}/invoices?year=2026&page=3&pageSize=50`;
    const turnover = `${base}/api/v1/businesses/${business.id}/turnover?year=2026`;
    for (const url of [list, turnover]) await fetch(url, { headers: { authorization: `Bearer ${secret}` } });
    console.log(`business with 10,000 invoices; 20 connections, ${SECONDS} s each`);
    await load("invoice list page (GET …/invoices?year=2026&page=3)", list, secret, server.pid);
    await load("turnover endpoint (GET …/turnover?year=2026)", turnover, secret, server.pid);
  } finally {
    server?.kill("SIGTERM");
    await disconnectDb();
    await dropDatabase(database.name);
  }
  await benchImport(Number(process.env.BENCH_IMPORT_ROWS ?? 100_000));
}

await main();
process.exit(0);

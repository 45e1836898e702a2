// npm run bench:import — issue #17's figures: a 100,000-row CSV and a 50,000-line CAMT.053
// bank statement imported through the APIs of the running web server (`server.ts`,
// production build), rows (lines) per second, and /api/health's latency measured during
// each import (polled every 20 ms) against the same poll while the server is idle.
// Targets: ≥ 5,000 rows/s, health p95 < 50 ms. First, in process, how the VAT advice and
// the whole CSV preview grow with the file (1,000 to 100,000 rows on 3 and on 365 dates;
// benchPreviewGrowth). BENCH_IMPORT_ROWS (default 100,000), BENCH_CAMT_LINES (default
// 50,000), BENCH_IMPORT_ONLY (preview, csv or camt: only that one), BENCH_PREVIEW_ROWS
// (default 1000,10000,20000,100000), BENCH_PORT (default 3310).
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { ensureBuilt } from "@/scripts/bootstrap.mjs";
import { createDatabase, dropDatabase, useDatabaseInProcess } from "@/test/integration/database";
import { benchPreviewGrowth, makeCsv } from "@/bench/import-throughput";
import { makeCamt053 } from "@/bench/camt-statement";
import { percentile, waitFor } from "@/bench/http-helpers";

const PORT = Number(process.env.BENCH_PORT ?? 3310);
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const CAMT_LINES = Number(process.env.BENCH_CAMT_LINES ?? 50_000);
const ONLY = process.env.BENCH_IMPORT_ONLY;

/** Polls /api/health every 20 ms until `until` settles; the latencies in ms, sorted. */
async function pollHealth(base: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const t0 = performance.now();
    await (await fetch(`${base}/api/health`)).arrayBuffer();
    latencies.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return latencies.sort((a, b) => a - b);
}

const describe = (latencies: number[]) =>
  `${latencies.length} requests, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`;

async function benchCsv(base: string, businessId: string, secret: string) {
  const csv = makeCsv(ROWS);
  const url = `${base}/api/v1/businesses/${businessId}/invoices/import`;
  const headers = { authorization: `Bearer ${secret}`, "content-type": "text/csv; charset=utf-8" };
  // Warm the route (compiled on first use) with a tiny file.
  await (await fetch(url, { method: "POST", headers, body: makeCsv(10).replaceAll("B-", "W-") })).arrayBuffer();
  const t0 = performance.now();
  const importing = fetch(url, { method: "POST", headers, body: csv }).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as { data?: { created: number } },
  }));
  const during = await pollHealth(base, importing);
  const seconds = (performance.now() - t0) / 1000;
  const { status, body } = await importing;
  const created = body.data?.created ?? 0;
  console.log(
    `CSV import through the API: ${created} rows (${(csv.length / 1e6).toFixed(1)} MB), HTTP ${status}, in ${seconds.toFixed(2)} s = ${Math.round(created / seconds)} rows/s (target ≥ 5,000 rows/s)`,
  );
  console.log(`/api/health during the import: ${describe(during)} (target p95 < 50 ms)`);
}

async function benchCamt(base: string, businessId: string, secret: string) {
  const xml = makeCamt053(CAMT_LINES);
  const url = `${base}/api/v1/businesses/${businessId}/bank-statements`;
  const headers = { authorization: `Bearer ${secret}`, "content-type": "application/xml" };
  // Warm the route with a small statement of another year (its lines are new ones).
  await (
    await fetch(url, { method: "POST", headers, body: makeCamt053(20, 2025).replaceAll("<AcctSvcrRef>B", "<AcctSvcrRef>W") })
  ).arrayBuffer();
  const t0 = performance.now();
  const importing = fetch(url, { method: "POST", headers, body: xml }).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as { data?: { statement: { newLines: number; candidates: number } }; error?: unknown },
  }));
  const during = await pollHealth(base, importing);
  const seconds = (performance.now() - t0) / 1000;
  const { status, body } = await importing;
  const stored = body.data?.statement.newLines ?? 0;
  if (!body.data) console.log(JSON.stringify(body.error));
  console.log(
    `CAMT.053 import through the API: ${stored} lines (${(xml.length / 1e6).toFixed(1)} MB, ${body.data?.statement.candidates ?? 0} candidates), HTTP ${status}, in ${seconds.toFixed(2)} s = ${Math.round(stored / seconds)} lines/s (target ≥ 5,000 lines/s)`,
  );
  console.log(`/api/health during the CAMT import: ${describe(during)} (target p95 < 50 ms)`);
}

async function main() {
  if (ONLY === undefined || ONLY === "preview") await benchPreviewGrowth();
  if (ONLY === "preview") return;
  ensureBuilt();
  const database = await createDatabase("drempel_bench_import_http");
  useDatabaseInProcess(database.url);
  const { db, disconnectDb } = await import("@/lib/platform/db/client");
  const { createBusiness } = await import("@/lib/features/businesses/create-business");
  const { createApiToken } = await import("@/lib/features/api-tokens/create-api-token");
  let server: ReturnType<typeof spawn> | undefined;
  try {
    const user = await db().user.create({
      data: { email: "bench-import@drempel.nl", name: "Bench", passwordHash: "x", emailVerifiedAt: new Date() },
    });
    const business = await createBusiness({ caller: { userId: user.id }, input: { name: "Bench BV" } });
    const { secret } = await createApiToken({ caller: { userId: user.id }, input: { name: "bench", scope: "read_write" } });
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
    console.log(`machine: ${process.env.BENCH_NOTE ?? "shared 2-core machine, other engineers' tests running: figures are noisy"}`);
    const load = () =>
      `load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(", ")}`;
    console.log(`before: ${load()}`);
    const idle = await pollHealth(base, new Promise((resolve) => setTimeout(resolve, 3_000)));
    console.log(`/api/health idle:             ${describe(idle)}`);
    if (ONLY !== "camt") await benchCsv(base, business.id, secret);
    if (ONLY !== "csv") await benchCamt(base, business.id, secret);
    console.log(`after: ${load()}`);
  } finally {
    server?.kill("SIGTERM");
    await disconnectDb();
    await dropDatabase(database.name);
  }
}

await main();
process.exit(0);

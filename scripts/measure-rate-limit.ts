// Measures what the API rate-limit counter costs per request on this machine's
// PostgreSQL: one upsert with the commit's WAL flush awaited (synchronous_commit on, as
// the login limits do) against the API's relaxed durability, sequentially and under 20
// concurrent callers, on a throwaway database; then a whole API request (token lookup,
// limit, business list) called in-process by 20 concurrent callers on ONE token, with
// each store and without the limit. Run: npx tsx scripts/measure-rate-limit.ts
import { performance } from "node:perf_hooks";
import { createDatabase, dropDatabase, useDatabaseInProcess } from "@/test/integration/database";

const REQUESTS = Number(process.env.MEASURE_REQUESTS ?? 2000);
const CONCURRENCY = 20;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const database = await createDatabase("drempel_measure_rl");
  useDatabaseInProcess(database.url);
  const { db, disconnectDb } = await import("@/lib/platform/db/client");
  const { hitRateLimit } = await import("@/lib/platform/rate-limit/hit-rate-limit");
  try {
    // keys: 1 = every caller on one token's row (the API's worst case), else one row per caller.
    async function run(label: string, relaxedDurability: boolean, concurrency: number, keys = 1) {
      const latencies: number[] = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async (_, worker) => {
          while (next < REQUESTS) {
            next += 1;
            const t0 = performance.now();
            await hitRateLimit({ key: `measure:${label}:${worker % keys}`, limit: 1_000_000, windowSeconds: 60, relaxedDurability });
            latencies.push(performance.now() - t0);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      console.log(
        `${label}: ${latencies.length} upserts, ${concurrency} concurrent, ${Math.round(latencies.length / seconds)}/s, p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms`,
      );
    }
    await run("warm-up", true, 1);
    await run("synchronous_commit=on  c=1", false, 1);
    await run("synchronous_commit=off c=1", true, 1);
    for (const keys of [1, CONCURRENCY]) {
      await run(`synchronous_commit=on  c=${CONCURRENCY} rows=${keys}`, false, CONCURRENCY, keys);
      await run(`synchronous_commit=off c=${CONCURRENCY} rows=${keys}`, true, CONCURRENCY, keys);
    }

    const { createApiToken } = await import("@/lib/features/api-tokens/create-api-token");
    const { createBusiness } = await import("@/lib/features/businesses/create-business");
    const { listBusinesses } = await import("@/lib/features/businesses/list-businesses");
    // What apiRoute does for a bearer token, minus next-auth (whose CommonJS provider tsx
    // cannot load): authenticate the token, count the request, run the handler's query.
    const { authenticateApiToken } = await import("@/lib/features/api-tokens/authenticate-api-token");
    const { enforceApiRateLimit } = await import("@/lib/platform/api/enforce-api-rate-limit");
    const { resetEnvCache } = await import("@/lib/platform/env");
    const { runAsUser } = await import("@/lib/platform/db/db-context");
    const user = await db().user.create({
      data: { email: "measure@drempel.test", name: "Measure", passwordHash: "x", emailVerifiedAt: new Date() },
    });
    await createBusiness({ caller: { userId: user.id }, input: { name: "Meet BV" } });
    const { secret } = await createApiToken({ caller: { userId: user.id }, input: { name: "measure", scope: "read" } });
    process.env.API_RATE_LIMIT = "100000000";
    resetEnvCache();
    const caller = async () => {
      const identity = (await authenticateApiToken({ token: secret }))!;
      return { userId: identity.userId, scope: identity.scope, via: "token" as const, tokenId: identity.tokenId };
    };
    async function api(label: string, call: () => Promise<unknown>) {
      const latencies: number[] = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < REQUESTS) {
            next += 1;
            const t0 = performance.now();
            await call();
            latencies.push(performance.now() - t0);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      console.log(
        `API ${label}: ${latencies.length} requests, ${CONCURRENCY} concurrent, one token, ${Math.round(latencies.length / seconds)}/s, p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms`,
      );
    }
    const withStore = (store: string) => async () => {
      process.env.API_RATE_LIMIT_STORE = store;
      resetEnvCache();
    };
    const viaRoute = async () => {
      const who = await caller();
      await enforceApiRateLimit(who);
      await runAsUser(who.userId, () => listBusinesses({ caller: who }));
    };
    const withoutLimit = async () => {
      const who = await caller();
      await runAsUser(who.userId, () => listBusinesses({ caller: who }));
    };
    for (let round = 0; round < 2; round++) {
      await api("without limit    ", withoutLimit);
      await withStore("database")();
      await api("limit in database", viaRoute);
      await withStore("memory")();
      await api("limit in memory  ", viaRoute);
    }
  } finally {
    await disconnectDb();
    await dropDatabase(database.name);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

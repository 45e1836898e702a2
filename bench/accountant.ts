// npm run bench:accountant — issue #7's figures on PostgreSQL: an accountant with 1,000
// client businesses of 500 invoices each (last year and this year), plus accountants with
// 100 and 10 of those clients. Reports the server time of getAccountantOverview (the lib
// function /accountant renders) and the SQL statements one call issues:
//   - the first call with every client's summary missing (each client evaluated in the call);
//   - after the queue's daily evaluations ran (the worker, as in production): p50/p95 over
//     20 calls with every summary in place;
//   - the first call after one client's invoice changed (that one client evaluated again).
// Target: p95 under 300 ms; the query count must not grow with the number of clients.
import pg from "pg";
import { createDatabase, dropDatabase, useDatabaseInProcess } from "@/test/integration/database";
import { runAsUser } from "@/lib/platform/db/db-context";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const INVOICES = Number(process.env.BENCH_INVOICES ?? 500);
const CALLS = 20;
const ONLY_SEED = Boolean(process.env.BENCH_ONLY_SEED);

// Every statement the pg driver sends, counted while `counting` is on.
let counting = false;
let statements = 0;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (counting) statements += 1;
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function main() {
  const database = await createDatabase("drempel_bench_acct");
  useDatabaseInProcess(database.url);
  const { db, disconnectDb } = await import("@/lib/platform/db/client");
  const { getAccountantOverview } = await import("@/lib/features/accountant/get-accountant-overview");
  const { enqueueDailyEvaluations } = await import("@/lib/platform/jobs/schedule-daily");
  const { createWorker } = await import("@/lib/platform/jobs/worker");
  const { outboxOnlyTransport } = await import("@/lib/platform/mail/transport");
  const { createInvoice } = await import("@/lib/features/invoices/create-invoice");
  const { amsterdamToday } = await import("@/lib/platform/i18n/amsterdam-today");
  try {
    const today = amsterdamToday();
    const year = Number(today.slice(0, 4));
    const seedStart = performance.now();
    const client = db();
    const [owner] = await client.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES (gen_random_uuid(), 'owner@bench.drempel.nl', 'Bench Owner', 'x', now()) RETURNING "id"::text`,
    );
    const accountants = await client.$queryRawUnsafe<{ id: string; email: string }[]>(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt", "isAccountant")
       VALUES (gen_random_uuid(), 'big@bench.drempel.nl', 'Big Practice', 'x', now(), true), (gen_random_uuid(), 'small@bench.drempel.nl', 'Small Practice', 'x', now(), true)
       RETURNING "id"::text, "email"`,
    );
    const big = accountants.find((a) => a.email.startsWith("big"))!.id;
    const small = accountants.find((a) => a.email.startsWith("small"))!.id;
    const [midUser] = await client.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt", "isAccountant") VALUES (gen_random_uuid(), 'mid@bench.drempel.nl', 'Mid Practice', 'x', now(), true) RETURNING "id"::text`,
    );
    const mid = midUser!.id;
    // One statement per table: businesses (every tenth with the EU-KOR), KOR periods for
    // nine in ten, memberships, then all invoices from generate_series.
    await client.$executeRawUnsafe(
      `INSERT INTO "Business" ("id", "name", "kvkNumber", "updatedAt", "euKorEnabled", "euKorMemberStates")
       SELECT gen_random_uuid(), 'Klant ' || lpad(i::text, 4, '0'), lpad((10000000 + i)::text, 8, '0'), now(), i % 10 = 0, CASE WHEN i % 10 = 0 THEN ARRAY['DE'] ELSE ARRAY[]::text[] END
       FROM generate_series(1, $1::int) AS i`,
      CLIENTS,
    );
    await client.$executeRawUnsafe(
      `INSERT INTO "KorParticipation" ("id", "businessId", "from")
       SELECT gen_random_uuid(), "id", make_date($1::int - 1, 1, 1) FROM "Business" WHERE right("kvkNumber", 1) <> '7'`,
      year,
    );
    await client.$executeRawUnsafe(
      `INSERT INTO "Membership" ("id", "businessId", "userId", "role", "access")
       SELECT gen_random_uuid(), b."id", $1::uuid, 'OWNER'::"MembershipRole", 'READ_WRITE'::"AccessLevel" FROM "Business" b
       UNION ALL SELECT gen_random_uuid(), b."id", $2::uuid, 'ACCOUNTANT'::"MembershipRole", 'READ_ONLY'::"AccessLevel" FROM "Business" b
       UNION ALL SELECT gen_random_uuid(), b."id", $3::uuid, 'ACCOUNTANT'::"MembershipRole", 'READ_WRITE'::"AccessLevel" FROM (SELECT "id" FROM "Business" ORDER BY "name" LIMIT 10) b
       UNION ALL SELECT gen_random_uuid(), b."id", $4::uuid, 'ACCOUNTANT'::"MembershipRole", 'READ_ONLY'::"AccessLevel" FROM (SELECT "id" FROM "Business" ORDER BY "name" DESC LIMIT 100) b`,
      owner!.id,
      big,
      small,
      mid,
    );
    // Invoices spread evenly from 1 January last year to today; yearly totals from about
    // €5,000 to €31,000 so every status occurs.
    await client.$executeRawUnsafe(
      `INSERT INTO "Invoice" ("id", "businessId", "number", "date", "netCents", "vatCents", "category", "country", "customerName", "createdById", "updatedAt")
       SELECT gen_random_uuid(), b."id", 'F-' || g, make_date($1::int - 1, 1, 1) + ((g - 1) * (current_date - make_date($1::int - 1, 1, 1)) / $2::int),
         -- Last year at 60%, so most started this year eligible for the KOR.
         ((500000 + (b.n * 2654435761 % 2600000)) / ($2::int / 2)) * CASE WHEN g <= $2::int / 2 THEN 6 ELSE 10 END / 10, 0,
         CASE WHEN b."euKorEnabled" AND g % 5 = 0 THEN 'EU_B2C_FOREIGN_VAT'::"InvoiceCategory" ELSE 'NL_STANDARD'::"InvoiceCategory" END,
         CASE WHEN b."euKorEnabled" AND g % 5 = 0 THEN 'DE' END, 'Klant', $3::uuid, now()
       FROM (SELECT "id", "euKorEnabled", row_number() OVER (ORDER BY "id") AS n FROM "Business") b CROSS JOIN generate_series(1, $2::int) AS g`,
      year,
      INVOICES,
      owner!.id,
    );
    // Statistics are the tables' owner's to gather (the app's role drempel_app may not).
    const tableOwner = new pg.Client({ connectionString: database.url });
    await tableOwner.connect();
    await tableOwner.query("ANALYZE").finally(() => tableOwner.end());
    const count = (await client.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM "Invoice"`))[0]?.count;
    console.log(
      `seeded ${CLIENTS} businesses, ${count} invoices in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (asOf ${today})`,
    );

    if (ONLY_SEED) return;
    const overview = async (accountantId: string) => {
      statements = 0;
      counting = true;
      const start = performance.now();
      try {
        // As /accountant runs it: as the accountant, under row-level security.
        const result = await runAsUser(accountantId, () => getAccountantOverview({ caller: { userId: accountantId } }));
        return {
          ms: performance.now() - start,
          queries: statements,
          clients: result.summary.clients,
          statuses: JSON.stringify(result.summary.byStatus),
        };
      } finally {
        counting = false;
      }
    };
    const practices = [small, mid, big];

    // 1. Every summary missing: the call evaluates every client itself and stores them.
    for (const accountantId of [...practices].reverse()) {
      await client.$executeRawUnsafe(`DELETE FROM "BusinessYearSummary"`);
      const first = await overview(accountantId);
      console.log(
        `${first.clients} clients, every summary missing, first call: ${first.ms.toFixed(1)} ms, ${first.queries} SQL statements; ${first.statuses}`,
      );
    }

    // 2. The queue's daily evaluations, as in production: enqueue, then a worker drains.
    await client.$executeRawUnsafe(`DELETE FROM "BusinessYearSummary"`);
    const drainStart = performance.now();
    const queued = await enqueueDailyEvaluations(new Date());
    const worker = createWorker({ transport: outboxOnlyTransport, appUrl: "http://bench.drempel.test", batchSize: 50, log: () => {} });
    const drained = await worker.runUntilIdle(100_000);
    const summaries = (await client.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM "BusinessYearSummary"`))[0]
      ?.count;
    console.log(
      `queue: ${queued} evaluations queued, ${drained.done} jobs done (${drained.failed} failed) in ${((performance.now() - drainStart) / 1000).toFixed(1)} s; ${summaries} summaries stored`,
    );

    // 3. Summaries in place: 20 calls each.
    for (const accountantId of practices) {
      const times: number[] = [];
      const queries = new Set<number>();
      let last = { clients: 0, statuses: "" };
      for (let i = 0; i < CALLS; i++) {
        const call = await overview(accountantId);
        times.push(call.ms);
        queries.add(call.queries);
        last = call;
      }
      times.sort((x, y) => x - y);
      console.log(
        `${last.clients} clients, summaries in place: ${CALLS} calls, p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms; SQL statements per call ${[...queries].join("/")}; ${last.statuses}`,
      );
    }

    // 4. One client's books change: the next call evaluates that client again.
    const [changed] = await client.$queryRawUnsafe<{ id: string }[]>(
      `SELECT "businessId"::text AS id FROM "Membership" WHERE "userId" = $1::uuid AND "role" = 'ACCOUNTANT' LIMIT 1`,
      big,
    );
    await createInvoice({
      caller: { userId: owner!.id },
      businessId: changed!.id,
      input: { number: "BENCH-CHANGE", date: today, customer: { name: "Klant" }, category: "NL_STANDARD", netCents: 12_345, vatCents: 0 },
    });
    const afterChange = await overview(big);
    const next = await overview(big);
    console.log(
      `${afterChange.clients} clients, one client's invoice changed: first call ${afterChange.ms.toFixed(1)} ms, ${afterChange.queries} SQL statements; next call ${next.ms.toFixed(1)} ms, ${next.queries} SQL statements`,
    );
  } finally {
    await disconnectDb();
    if (process.env.BENCH_KEEP_DB) console.log(`kept ${database.url}`);
    else await dropDatabase(database.name);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

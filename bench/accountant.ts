// npm run bench:accountant — issue #7's figures on PostgreSQL: an accountant with 1,000
// client businesses of 500 invoices each (last year and this year). Reports the server
// time of getAccountantOverview (the lib function /accountant renders) as p50/p95 over
// 20 calls, and the SQL statements one call issues, for 10 and for 1,000 clients.
// Two figures each: "warm" (unchanged books: rows come from the per-process cache after
// the fingerprint query) and "cold" (cache cleared before every call: every client's
// invoices are loaded and evaluated). Target: p95 under 300 ms; the query count must
// not grow with the number of clients.
import pg from "pg";
import { createDatabase, dropDatabase } from "@/test/integration/database";

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
  process.env.DATABASE_URL = database.url;
  const { resetEnvCache } = await import("@/lib/env");
  resetEnvCache();
  const { db, disconnectDb } = await import("@/lib/db/client");
  const { getAccountantOverview } = await import("@/lib/accountant/get-accountant-overview");
  const { clearClientRowCache } = await import("@/lib/accountant/load-client-rows");
  const { amsterdamToday } = await import("@/lib/dates/amsterdam-today");
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
       UNION ALL SELECT gen_random_uuid(), b."id", $3::uuid, 'ACCOUNTANT'::"MembershipRole", 'READ_WRITE'::"AccessLevel" FROM (SELECT "id" FROM "Business" ORDER BY "name" LIMIT 10) b`,
      owner!.id,
      big,
      small,
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
    await client.$executeRawUnsafe(`ANALYZE`);
    const count = (await client.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM "Invoice"`))[0]?.count;
    console.log(`seeded ${CLIENTS} businesses, ${count} invoices in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (asOf ${today})`);

    if (ONLY_SEED) return;
    async function measure(label: string, accountantId: string, cold: boolean) {
      const times: number[] = [];
      const queries: number[] = [];
      let clients = 0;
      let statuses = "";
      clearClientRowCache();
      if (!cold) await getAccountantOverview({ caller: { userId: accountantId } }); // fill the cache once
      for (let i = 0; i < CALLS; i++) {
        if (cold) clearClientRowCache();
        statements = 0;
        counting = true;
        const start = performance.now();
        const overview = await getAccountantOverview({ caller: { userId: accountantId } });
        times.push(performance.now() - start);
        counting = false;
        queries.push(statements);
        clients = overview.summary.clients;
        statuses = JSON.stringify(overview.summary.byStatus);
      }
      times.sort((a, b) => a - b);
      console.log(
        `${label}: ${clients} clients, ${CALLS} calls, p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms; SQL statements per call ${[...new Set(queries)].join("/")}; ${statuses}`,
      );
    }

    await measure("10 clients, warm  ", small, false);
    await measure("10 clients, cold  ", small, true);
    await measure("1000 clients, warm", big, false);
    await measure("1000 clients, cold", big, true);
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

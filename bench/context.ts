// npm run bench:context — what the transaction-scoped row-level-security context costs per
// statement on PostgreSQL (issue #18). One statement of the API's (the access check's
// shape: a membership joined to its business, under RLS), 2,000 times in a row on one
// connection of a ContextPool, in each way it can run:
//  - user context: BEGIN + SET LOCAL drempel.user_id, the statement, COMMIT;
//  - no context (tenant-free): the statement alone;
//  - for reference, what the pool did before: a session-level set_config and the
//    statement (a change of context), or the statement alone (the same context again);
//  - a Prisma interactive transaction with that statement, in a user's context.
// Prints p50/p95/mean in microseconds.
import pg from "pg";
import { createDatabase, dropDatabase, useDatabaseInProcess } from "@/test/integration/database";
import { percentile } from "@/bench/http-helpers";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2_000);

async function time(name: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 100; i++) await run(); // warm: plans, caches
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1_000);
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  console.log(
    `${name.padEnd(58)} p50 ${percentile(samples, 50).toFixed(0).padStart(5)} µs  p95 ${percentile(samples, 95).toFixed(0).padStart(5)} µs  mean ${mean.toFixed(0).padStart(5)} µs`,
  );
}

async function main() {
  const database = await createDatabase("drempel_bench_context");
  useDatabaseInProcess(database.url);
  const { db, disconnectDb } = await import("@/lib/platform/db/client");
  const { ContextPool } = await import("@/lib/platform/db/context-pool");
  const { runAsUser, runOnTenantFreeTables } = await import("@/lib/platform/db/db-context");
  const { createBusiness } = await import("@/lib/features/businesses/create-business");
  const { env } = await import("@/lib/platform/env");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/lib/platform/db/generated/prisma/client");
  const pool = new ContextPool({ connectionString: env().appDatabaseUrl!, max: 1 });
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const raw = new pg.Client({ connectionString: env().appDatabaseUrl! });
  try {
    const user = await db().user.create({ data: { email: "bench-context@drempel.nl", name: "Bench", passwordHash: "x" } });
    const business = await createBusiness({
      caller: { userId: user.id },
      input: { name: "Context BV", korParticipations: [{ from: "2024-01-01" }] },
    });
    await disconnectDb();
    const statement = {
      name: "bench_access",
      text: `SELECT m."id", m."role"::text AS "role", b."booksVersion" FROM "Membership" m JOIN "Business" b ON b."id" = m."businessId" WHERE m."businessId" = $1::uuid AND m."userId" = $2::uuid`,
      values: [business.id, user.id],
    };
    const check = (rows: unknown[]) => {
      if (rows.length !== 1) throw new Error(`expected the membership, got ${rows.length} rows`);
    };
    console.log(
      `PostgreSQL ${(await pool.query("SHOW server_version")).rows[0].server_version}, ${ROUNDS} statements each, one connection`,
    );
    await time("user context (BEGIN+SET LOCAL, statement, COMMIT)", async () =>
      check(await runAsUser(user.id, () => pool.queryPrepared(statement))),
    );
    await time("no context (tenant-free): the statement alone", async () => runOnTenantFreeTables(() => pool.queryPrepared(statement)));
    await raw.connect();
    await time("before: session set_config + statement (context changed)", async () => {
      await raw.query("SELECT set_config('drempel.user_id', $1, false)", [user.id]);
      check((await raw.query(statement)).rows);
    });
    await time("before: the statement alone (same context as last time)", async () => check((await raw.query(statement)).rows));
    await time("Prisma interactive transaction, user context, one findMany", async () =>
      runAsUser(user.id, () =>
        prisma.$transaction((tx) => tx.membership.findMany({ where: { businessId: business.id, userId: user.id }, select: { id: true } })),
      ),
    );
  } finally {
    await raw.end().catch(() => undefined);
    await prisma.$disconnect();
    await pool.end();
    await dropDatabase(database.name);
  }
}

await main();

// The database context (issues #15 and #18): system mode belongs to the worker's own role,
// never to drempel_app, whatever it sets; the row-level-security context lives exactly as
// long as the transaction of the queries it guards, so it is right on a direct
// connection, behind a transaction-pooling PgBouncer and after any error; with
// DATABASE_POOLER=transaction no named prepared statement is used.
import crypto from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { ContextPool } from "@/lib/platform/db/context-pool";
import { runAsSystem, runAsUser, runOnTenantFreeTables, runWithoutContext } from "@/lib/platform/db/db-context";
import { asAppRole, asWorkerRole, env, resetEnvCache, WORKER_ROLE } from "@/lib/platform/env";
import { PrismaClient } from "@/lib/platform/db/generated/prisma/client";
import { createOwnedBusiness, createUser } from "./factories";

const ownerUrl = () => process.env.DATABASE_URL!;

async function connect<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let ownerA: { id: string };
let ownerB: { id: string };
let businessA: string;
let businessB: string;
const both = () => [businessA, businessB];
const INVOICES = `SELECT "businessId"::text AS "businessId" FROM "Invoice" WHERE "businessId" = ANY($1::uuid[]) ORDER BY 1`;

beforeAll(async () => {
  ownerA = await createUser("ctx-a");
  ownerB = await createUser("ctx-b");
  businessA = (await createOwnedBusiness(ownerA.id, "Ctx A BV")).id;
  businessB = (await createOwnedBusiness(ownerB.id, "Ctx B BV")).id;
  for (const businessId of both()) {
    await db().invoice.create({
      data: {
        businessId,
        number: `C-${crypto.randomBytes(3).toString("hex")}`,
        date: new Date("2026-03-02"),
        netCents: 10_000,
        vatCents: 2_100,
        category: "NL_STANDARD",
        customerName: "Klant",
      },
    });
  }
});

describe("system mode belongs to the worker's role", () => {
  it("drempel_app cannot switch itself into system mode with the old setting", async () => {
    await connect(asAppRole(ownerUrl()), async (client) => {
      await client.query(`SELECT set_config('drempel.system', 'on', false)`);
      expect((await client.query(INVOICES, [both()])).rows).toEqual([]);
      await client.query(`SELECT set_config('drempel.user_id', $1, false)`, [ownerA.id]);
      // Still only A's own books, not B's.
      expect((await client.query(INVOICES, [both()])).rows).toEqual([{ businessId: businessA }]);
      await expect(client.query(`SET ROLE ${WORKER_ROLE}`)).rejects.toThrow(/permission denied/);
    });
  });

  it("the worker's role, derived from DATABASE_URL, sees every tenant and is neither superuser nor exempt from RLS", async () => {
    expect(new URL(env().workerDatabaseUrl!).username).toBe(WORKER_ROLE);
    expect(env().workerDatabaseUrl).toBe(asWorkerRole(ownerUrl()));
    await connect(asWorkerRole(ownerUrl()), async (client) => {
      const role = (await client.query("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")).rows[0];
      expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
      expect((await client.query(INVOICES, [both()])).rows.map((row) => row.businessId)).toEqual([...both()].sort());
      // Append-only audit log, and no migrations' bookkeeping, for the worker too.
      await expect(client.query(`DELETE FROM "AuditLog"`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`SELECT 1 FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
    });
  });

  it("runAsSystem runs on the worker's role; every other context on drempel_app", async () => {
    const role = () => db().$queryRaw<{ name: string }[]>`SELECT current_user AS name`.then((rows) => rows[0]!.name);
    expect(await runAsSystem(role)).toBe(WORKER_ROLE);
    expect(await runAsUser(ownerA.id, role)).toBe("drempel_app");
    expect(await runWithoutContext(role)).toBe("drempel_app");
    expect(await runAsSystem(() => db().$transaction((tx) => tx.$queryRaw<{ name: string }[]>`SELECT current_user AS name`))).toEqual([
      { name: WORKER_ROLE },
    ]);
  });
});

describe("the context is transaction-scoped", () => {
  const pools: pg.Pool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
  });
  const newPool = (max: number, options: Partial<ConstructorParameters<typeof ContextPool>[0]> = {}) => {
    const pool = new ContextPool({ connectionString: asAppRole(ownerUrl()), max, ...options });
    pools.push(pool);
    return pool;
  };
  /** The one physical connection of a pool of one, checked out past the context pool: as it is. */
  const raw = async <T>(pool: ContextPool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await (pg.Pool.prototype.connect as () => Promise<pg.PoolClient>).call(pool);
    try {
      return await work(client);
    } finally {
      client.release();
    }
  };
  const pid = (client: pg.PoolClient) => client.query("SELECT pg_backend_pid() AS pid").then((r) => r.rows[0].pid as number);

  it("after a query in user A's context, the same physical connection outside any transaction sees no tenant row", async () => {
    const pool = newPool(1);
    const before = await raw(pool, pid);
    expect((await runAsUser(ownerA.id, () => pool.query(INVOICES, [both()]))).rows).toEqual([{ businessId: businessA }]);
    await raw(pool, async (client) => {
      expect(await pid(client)).toBe(before);
      expect((await client.query("SELECT coalesce(current_setting('drempel.user_id', true), '') AS u")).rows[0].u).toBe("");
      expect((await client.query(INVOICES, [both()])).rows).toEqual([]);
    });
    // Tenant-free work gets no context either.
    expect((await runOnTenantFreeTables(() => pool.query(INVOICES, [both()]))).rows).toEqual([]);
  });

  it("a Prisma transaction gets the context right after BEGIN, and it ends with the transaction, committed or not", async () => {
    const pool = newPool(1);
    const client = new PrismaClient({ adapter: new PrismaPg(pool) });
    try {
      const seen = await runAsUser(ownerB.id, () =>
        client.$transaction(
          (tx) =>
            tx.$queryRaw<
              { u: string; n: number }[]
            >`SELECT current_setting('drempel.user_id', true) AS u, (SELECT count(*)::int FROM "Invoice" WHERE "businessId" = ANY(${both()}::uuid[])) AS n`,
        ),
      );
      expect(seen).toEqual([{ u: ownerB.id, n: 1 }]);
      // With an isolation level, which Prisma sets after BEGIN: the context takes no snapshot first.
      const serializable = await runAsUser(ownerA.id, () =>
        client.$transaction(
          (tx) =>
            tx.$queryRaw<
              { level: string; n: number }[]
            >`SELECT current_setting('transaction_isolation') AS level, (SELECT count(*)::int FROM "Invoice" WHERE "businessId" = ANY(${both()}::uuid[])) AS n`,
          { isolationLevel: "Serializable" },
        ),
      );
      expect(serializable).toEqual([{ level: "serializable", n: 1 }]);
      await expect(
        runAsUser(ownerB.id, () =>
          client.$transaction(async (tx) => {
            await tx.$queryRaw`SELECT 1`;
            throw new Error("rolled back");
          }),
        ),
      ).rejects.toThrow("rolled back");
      await raw(pool, async (connection) => {
        expect((await connection.query("SELECT coalesce(current_setting('drempel.user_id', true), '') AS u")).rows[0].u).toBe("");
        expect((await connection.query(INVOICES, [both()])).rows).toEqual([]);
      });
    } finally {
      await client.$disconnect();
    }
  });

  it("after a failed statement in a user's context, the connection carries no context and still works", async () => {
    const pool = newPool(1);
    const before = await raw(pool, pid);
    await expect(runAsUser(ownerA.id, () => pool.query(`SELECT 1 / 0`))).rejects.toThrow(/division by zero/);
    await raw(pool, async (client) => {
      // The same connection, rolled back and reused: outside any transaction, no context.
      expect(await pid(client)).toBe(before);
      expect(client.getTransactionStatus()).toBe("I");
      expect(
        (await client.query("SELECT coalesce(current_setting('drempel.user_id', true), '') AS u, now() = statement_timestamp() AS fresh"))
          .rows[0],
      ).toEqual({ u: "", fresh: true });
    });
    expect((await runAsUser(ownerA.id, () => pool.query(INVOICES, [both()]))).rows).toEqual([{ businessId: businessA }]);
  });

  it("concurrent A, B, no and system contexts on pools of one and two connections never mix", async () => {
    for (const max of [1, 2]) {
      const pool = newPool(max);
      const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
      try {
        const cases = [
          { run: <T>(work: () => Promise<T>) => runAsUser(ownerA.id, work), expected: [businessA] },
          { run: <T>(work: () => Promise<T>) => runAsUser(ownerB.id, work), expected: [businessB] },
          { run: <T>(work: () => Promise<T>) => runWithoutContext(work), expected: [] },
          { run: <T>(work: () => Promise<T>) => runOnTenantFreeTables(work), expected: [] },
          { run: <T>(work: () => Promise<T>) => runAsSystem(work), expected: [businessA, businessB] },
        ];
        const ids = (rows: { businessId: string }[]) => [...new Set(rows.map((row) => row.businessId))].sort();
        const results = await Promise.all(
          Array.from({ length: 60 }, (_, i) => {
            const { run, expected } = cases[i % cases.length]!;
            return run(async () => {
              const plain = ids((await pool.query(INVOICES, [both()])).rows);
              const prepared = ids(await pool.queryPrepared<{ businessId: string }>({ text: INVOICES, values: [both()] }));
              const viaPrisma = ids(await prisma.invoice.findMany({ where: { businessId: { in: both() } }, select: { businessId: true } }));
              const inTx = ids(
                await prisma.$transaction((tx) =>
                  tx.invoice.findMany({ where: { businessId: { in: both() } }, select: { businessId: true } }),
                ),
              );
              return { expected: [...expected].sort(), seen: [plain, prepared, viaPrisma, inTx] };
            });
          }),
        );
        for (const { expected, seen } of results) expect(seen).toEqual([expected, expected, expected, expected]);
      } finally {
        await prisma.$disconnect();
      }
    }
  });

  it("with DATABASE_POOLER=transaction no named prepared statement is used; by default the hot statements are named", async () => {
    const prepared = (pool: ContextPool) =>
      raw(pool, (client) => client.query("SELECT count(*)::int AS n FROM pg_prepared_statements").then((r) => r.rows[0].n as number));
    const named = newPool(1);
    await runAsUser(ownerA.id, () => named.queryPrepared({ text: INVOICES, values: [both()] }));
    expect(await prepared(named)).toBe(1);

    process.env.DATABASE_POOLER = "transaction";
    resetEnvCache();
    try {
      const unnamed = newPool(1);
      for (let i = 0; i < 3; i++) {
        expect(
          await runAsUser(ownerA.id, () => unnamed.queryPrepared<{ businessId: string }>({ text: INVOICES, values: [both()] })),
        ).toEqual([{ businessId: businessA }]);
      }
      expect(await prepared(unnamed)).toBe(0);
    } finally {
      delete process.env.DATABASE_POOLER;
      resetEnvCache();
    }
  });
});

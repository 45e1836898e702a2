// Backup and restore round trips: every business table is the same afterwards.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { backupDatabase, restoreDatabase } from "@/lib/platform/db/backup-database";
import { migrateDatabase } from "@/lib/platform/db/migrate";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { asAppRole, asWorkerRole } from "@/lib/platform/env";
import { createDatabase, dropDatabase } from "@/test/integration/database";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { startScheduler } from "@/lib/platform/jobs/scheduler";

const TABLES = ["User", "Business", "Membership", "KorParticipation", "Invoice", "AuditLog", "ApiToken", "_prisma_migrations"];
const temp = fs.mkdtempSync(path.join(os.tmpdir(), "drempel-backup-"));
const created: string[] = [];
afterAll(async () => {
  for (const name of created) await dropDatabase(name);
  fs.rmSync(temp, { recursive: true, force: true });
});

type Query = (sql: string) => Promise<{ rows: unknown[] }>;
async function contents(query: Query): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const table of TABLES) out[table] = (await query(`SELECT * FROM "${table}" ORDER BY 1`)).rows;
  return JSON.stringify(out);
}

async function withPg<T>(url: string, work: (query: Query) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work((sql) => client.query(sql));
  } finally {
    await client.end();
  }
}

describe("db:backup and db:restore", () => {
  it("round-trips PostgreSQL with pg_dump and pg_restore", async () => {
    const owner = await createUser("backup");
    const business = await createOwnedBusiness(owner.id, "Backup BV");
    await createInvoice({
      caller: { userId: owner.id },
      businessId: business.id,
      input: { number: "BK-1", date: "2026-02-01", customer: { name: "Klant" }, category: "NL_STANDARD", netCents: 12345 },
    });
    const source = process.env.DATABASE_URL!;
    const before = await withPg(source, contents);
    expect(before).toContain("BK-1");

    const file = await backupDatabase({ databaseUrl: source, dataDir: temp }, path.join(temp, "pg.dump"));
    const target = await createDatabase("drempel_restore", { migrate: false });
    created.push(target.name);
    await restoreDatabase({ databaseUrl: target.url, dataDir: temp }, file);
    expect(await withPg(target.url, contents)).toBe(before);
    // The app's role works on the restored database as before: rows under its policies,
    // the audit log still append-only.
    // (Other test files write to the same source database: look at this test's business.)
    const invoices = `SELECT number FROM "Invoice" WHERE "businessId" = '${business.id}'`;
    await withPg(asAppRole(target.url), async (query) => {
      expect((await query(`SELECT * FROM "Invoice"`)).rows).toEqual([]);
      expect((await query(invoices)).rows).toEqual([]);
      await query(`SELECT set_config('drempel.system', 'on', false)`);
      expect((await query(invoices)).rows).toEqual([]);
      await expect(query(`DELETE FROM "AuditLog"`)).rejects.toThrow(/permission denied/);
    });
    // System mode is the worker's role's, on the restored database too.
    await withPg(asWorkerRole(target.url), async (query) => {
      expect((await query(invoices)).rows).toEqual([{ number: "BK-1" }]);
      await expect(query(`DELETE FROM "AuditLog"`)).rejects.toThrow(/permission denied/);
    });
    // pg-boss's schema is not in the dump (its jobs are transient, its schedules are set on
    // start); the restore leaves the worker role able to run pg-boss there.
    const scheduler = await startScheduler({
      connectionString: asWorkerRole(target.url),
      worker: { runDaily: async () => {}, runCleanup: async () => ({}) as never },
      dailyHour: 6,
      log: () => {},
    });
    expect((await scheduler.boss.getSchedules()).map((schedule) => schedule.name).sort()).toEqual(["drempel-cleanup", "drempel-daily"]);
    await scheduler.stop({ graceful: false });
  }, 60_000);

  it("round-trips the embedded database as a folder copy", async () => {
    const dataDir = path.join(temp, "embedded");
    await migrateDatabase({ dataDir });
    const first = new PGlite(dataDir);
    await first.exec(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), 'embedded@drempel.nl', 'Emma', 'x', now())`,
    );
    const before = await contents((sql) => first.query(sql));
    await first.close();

    const file = await backupDatabase({ dataDir }, path.join(temp, "embedded.pglite"));
    const restoredDir = path.join(temp, "restored");
    await restoreDatabase({ dataDir: restoredDir }, file);
    const restored = new PGlite(restoredDir);
    expect(await contents((sql) => restored.query(sql))).toBe(before);
    expect(before).toContain("embedded@drempel.nl");
    await restored.close();
  }, 60_000);
});

// Migrations apply to an empty PostgreSQL database, are recorded like Prisma's, apply
// only once, and leave a database that matches schema.prisma exactly.
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { applyMigrations, listMigrations, migrateDatabase } from "@/lib/platform/db/migrate";
import { openSchemaEngine } from "@/scripts/schema-engine.mjs";
import { createDatabase, dropDatabase } from "./database";

const created: string[] = [];
afterAll(async () => {
  for (const name of created) await dropDatabase(name);
});

describe("migrations", () => {
  it("apply on an empty database, once, recorded as Prisma records them", async () => {
    const database = await createDatabase("drempel_migrate", { migrate: false });
    created.push(database.name);
    const applied = await migrateDatabase({ databaseUrl: database.url });
    expect(applied).toEqual(listMigrations().map((migration) => migration.name));
    expect(applied.length).toBeGreaterThan(0);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const tables = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining([
          "AuditLog",
          "Business",
          "Invoice",
          "KorParticipation",
          "Membership",
          "RateLimit",
          "User",
          "_prisma_migrations",
        ]),
      );
      const records = await client.query(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY 1`);
      expect(records.rows.map((row) => [row.migration_name, row.checksum])).toEqual(listMigrations().map((m) => [m.name, m.checksum]));
      expect(records.rows.every((row) => row.finished_at !== null)).toBe(true);
      const again = await applyMigrations({ query: (sql, params) => client.query(sql, params), exec: (sql) => client.query(sql) });
      expect(again).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it("leave a database whose diff against schema.prisma is empty", async () => {
    const database = await createDatabase("drempel_diff");
    created.push(database.name);
    const engine = await openSchemaEngine({ databaseUrl: database.url });
    const fromDatabase = await engine.diffDatabaseToSchema();
    expect(fromDatabase.sql.trim()).toBe("-- This is an empty migration.");
    expect(fromDatabase.changed).toBe(false);
  }, 60_000);

  it("cover schema.prisma completely (migrations folder vs schema)", async () => {
    const database = await createDatabase("drempel_shadowbase", { migrate: false });
    created.push(database.name);
    const engine = await openSchemaEngine({ databaseUrl: database.url });
    const fromMigrations = await engine.diffMigrationsToSchema();
    expect(fromMigrations.changed).toBe(false);
  }, 60_000);
});

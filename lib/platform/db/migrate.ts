// Applies prisma/migrations/*/migration.sql in order and records them exactly as
// `prisma migrate deploy` does (table _prisma_migrations, checksum = sha256 hex of the
// file, advisory lock 72707369), so the native engine can take over where it exists.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The little that both pg.Client and PGlite offer. */
export type SqlConnection = {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  exec(sql: string): Promise<unknown>;
};

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

export function listMigrations(dir = MIGRATIONS_DIR): { name: string; sql: string; checksum: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

export async function applyMigrations(conn: SqlConnection, dir = MIGRATIONS_DIR): Promise<string[]> {
  const applied: string[] = [];
  await conn.query("SELECT pg_advisory_lock(72707369)");
  try {
    await conn.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await conn.query(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((row) => [String(row.migration_name), row]));
    for (const migration of listMigrations(dir)) {
      const previous = done.get(migration.name);
      if (previous) {
        if (!previous.finished_at) throw new Error(`migration ${migration.name} failed earlier; resolve it by hand`);
        if (previous.checksum !== migration.checksum) console.warn(`warning: ${migration.name} changed after it was applied`);
        continue;
      }
      const id = crypto.randomUUID();
      await conn.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
        [id, migration.checksum, migration.name],
      );
      try {
        await conn.exec(`BEGIN;\n${migration.sql}\n;COMMIT;`);
      } catch (error) {
        await conn.exec("ROLLBACK").catch(() => undefined);
        await conn.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String((error as Error).message)]);
        throw error;
      }
      await conn.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
      applied.push(migration.name);
    }
  } finally {
    await conn.query("SELECT pg_advisory_unlock(72707369)");
  }
  return applied;
}

/** Migrates PostgreSQL at `databaseUrl`, or the embedded database in `dataDir`. */
export async function migrateDatabase(target: { databaseUrl?: string; dataDir?: string }): Promise<string[]> {
  if (target.databaseUrl) {
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    try {
      return await applyMigrations({ query: (sql, params) => client.query(sql, params), exec: (sql) => client.query(sql) });
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const pglite = new PGlite(target.dataDir);
  try {
    return await applyMigrations({ query: (sql, params) => pglite.query(sql, params), exec: (sql) => pglite.exec(sql) });
  } finally {
    await pglite.close();
  }
}

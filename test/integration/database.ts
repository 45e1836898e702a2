// Creates and drops the throwaway PostgreSQL databases of a test run.
import crypto from "node:crypto";
import pg from "pg";
import { migrateDatabase } from "@/lib/platform/db/migrate";
import { setDefaultDbContext } from "@/lib/platform/db/db-context";
import { resetEnvCache } from "@/lib/platform/env";

export const serverUrl = () => process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(prefix = "drempel_test", options: { migrate?: boolean } = {}): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  if (options.migrate !== false) await migrateDatabase({ databaseUrl: url });
  return { name, url };
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * Points this process's lib/platform/env at `url`, for a script that seeds and measures in process
 * (benches, scans): the app connects as drempel_app, derived from DATABASE_URL as under
 * `npm start`, and lib functions called outside any runAsUser run in system mode (the
 * seeding, as the worker would). A server spawned with the same DATABASE_URL and no
 * APP_DATABASE_URL connects as drempel_app too.
 */
export function useDatabaseInProcess(url: string): void {
  process.env.DATABASE_URL = url;
  delete process.env.APP_DATABASE_URL;
  resetEnvCache();
  setDefaultDbContext({ kind: "system" });
}

// Backups: pg_dump/pg_restore (custom format) for PostgreSQL, a copy of the data folder for
// the embedded database (stop `npm start` first: PGlite allows one process at a time).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SCHEDULER_SCHEMA } from "@/lib/platform/jobs/scheduler";

export type BackupTarget = { databaseUrl?: string; dataDir: string };

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${stderr.trim()}`))));
  });
}

export function defaultBackupPath(target: BackupTarget, now = new Date()): string {
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  return path.resolve("backups", target.databaseUrl ? `drempel-${stamp}.dump` : `drempel-${stamp}.pglite`);
}

export async function backupDatabase(target: BackupTarget, file: string): Promise<string> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (target.databaseUrl) {
    // Without pg-boss's schema: its jobs are transient runs of the schedules, and the
    // schedules are set again by every worker's start (lib/platform/jobs/scheduler.ts).
    await run("pg_dump", [
      "--format=custom",
      "--no-owner",
      "--no-privileges",
      `--exclude-schema=${SCHEDULER_SCHEMA}`,
      `--file=${file}`,
      `--dbname=${target.databaseUrl}`,
    ]);
  } else {
    if (!fs.existsSync(path.join(target.dataDir, "PG_VERSION"))) throw new Error(`no embedded database in ${target.dataDir}`);
    fs.cpSync(target.dataDir, file, { recursive: true, errorOnExist: true, force: false });
  }
  return file;
}

/**
 * A dump carries no privileges (--no-privileges: it restores on any cluster), so the app
 * role's grants, the append-only audit log and the default privileges are put back by the
 * function the row-level-security migration defines, and the worker role's rights on
 * pg-boss's schema as the migration gave them.
 */
async function grantAppPrivileges(databaseUrl: string): Promise<void> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT to_regprocedure('drempel_grant_app_privileges()') IS NOT NULL AS present`);
    if (rows[0]?.present) await client.query("SELECT drempel_grant_app_privileges()");
    // pg-boss's schema, as its migration (…_pgboss_schema) made it, for a database restored
    // from nothing; one that already has it keeps its pg-boss tables.
    const { rows: worker } = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = 'drempel_worker'`);
    if (worker.length) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEDULER_SCHEMA}`);
      await client.query(`REVOKE ALL ON SCHEMA ${SCHEDULER_SCHEMA} FROM PUBLIC`);
      await client.query(`GRANT USAGE, CREATE ON SCHEMA ${SCHEDULER_SCHEMA} TO drempel_worker`);
    }
  } finally {
    await client.end();
  }
}

/** Replaces the database's contents with the backup's. */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`no backup at ${file}`);
  if (target.databaseUrl) {
    await run("pg_restore", [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--no-privileges",
      "--single-transaction",
      `--dbname=${target.databaseUrl}`,
      file,
    ]);
    await grantAppPrivileges(target.databaseUrl);
  } else {
    const staging = `${target.dataDir}.restoring`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.cpSync(file, staging, { recursive: true });
    // Swap only after the copy is complete, so a failed restore leaves the old data in place.
    fs.rmSync(target.dataDir, { recursive: true, force: true });
    fs.renameSync(staging, target.dataDir);
  }
}

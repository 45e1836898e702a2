// Backups: pg_dump/pg_restore (custom format) for PostgreSQL, a copy of the data folder for
// the embedded database (stop `npm start` first: PGlite allows one process at a time).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

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
    await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${target.databaseUrl}`]);
  } else {
    if (!fs.existsSync(path.join(target.dataDir, "PG_VERSION"))) throw new Error(`no embedded database in ${target.dataDir}`);
    fs.cpSync(target.dataDir, file, { recursive: true, errorOnExist: true, force: false });
  }
  return file;
}

/** Replaces the database's contents with the backup's. */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`no backup at ${file}`);
  if (target.databaseUrl) {
    await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", `--dbname=${target.databaseUrl}`, file]);
  } else {
    const staging = `${target.dataDir}.restoring`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.cpSync(file, staging, { recursive: true });
    // Swap only after the copy is complete, so a failed restore leaves the old data in place.
    fs.rmSync(target.dataDir, { recursive: true, force: true });
    fs.renameSync(staging, target.dataDir);
  }
}

// npm run db:backup [-- FILE] — a backup of DATABASE_URL (pg_dump) or of the embedded database.
import { env } from "@/lib/platform/env";
import { backupDatabase, defaultBackupPath } from "@/lib/platform/db/backup-database";

const { DATABASE_URL, dataDir } = env();
const target = { databaseUrl: DATABASE_URL, dataDir };
const file = await backupDatabase(target, process.argv[2] ?? defaultBackupPath(target));
console.log(`Backup written to ${file}`);

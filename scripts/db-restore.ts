// npm run db:restore -- FILE — replaces the database's contents with a backup.
import { env } from "@/lib/platform/env";
import { restoreDatabase } from "@/lib/platform/db/backup-database";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run db:restore -- <backup file or folder>");
  process.exit(2);
}
const { DATABASE_URL, dataDir } = env();
await restoreDatabase({ databaseUrl: DATABASE_URL, dataDir }, file);
console.log(`Restored ${file}`);

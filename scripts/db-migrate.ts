// npm run db:migrate — applies pending migrations to DATABASE_URL or the embedded database.
import { env } from "@/lib/platform/env";
import { migrateDatabase } from "@/lib/platform/db/migrate";

const { DATABASE_URL, dataDir } = env();
const applied = await migrateDatabase({ databaseUrl: DATABASE_URL, dataDir });
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");

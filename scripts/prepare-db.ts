// Run by `npm start` before the server: migrate, then (embedded mode only) seed the demo.
import { env } from "@/lib/platform/env";
import { migrateDatabase } from "@/lib/platform/db/migrate";

const config = env();
const applied = await migrateDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
if (applied.length) console.log(`[drempel] migrations applied: ${applied.join(", ")}`);
if (config.embedded) {
  const { seedDemo } = await import("@/lib/features/demo/seed-demo");
  const { disconnectDb } = await import("@/lib/platform/db/client");
  const seeded = await seedDemo();
  await disconnectDb();
  console.log(seeded ? "[drempel] demo data seeded" : "[drempel] demo data present");
}

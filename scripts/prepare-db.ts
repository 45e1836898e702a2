// Run by `npm start` before the server: migrate, then (embedded mode only) seed the demo.
import { env } from "@/lib/env";
import { migrateDatabase } from "@/lib/db/migrate";

const config = env();
const applied = await migrateDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
if (applied.length) console.log(`[drempel] migrations applied: ${applied.join(", ")}`);
if (config.embedded) {
  const { seedDemo } = await import("@/lib/demo/seed-demo");
  const { disconnectDb } = await import("@/lib/db/client");
  const seeded = await seedDemo();
  await disconnectDb();
  console.log(seeded ? "[drempel] demo data seeded" : "[drempel] demo data present");
}

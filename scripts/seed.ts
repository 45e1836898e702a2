// npm run db:seed — the demo accounts and businesses (skipped when already there).
import { seedDemo } from "@/lib/features/demo/seed-demo";
import { disconnectDb } from "@/lib/platform/db/client";

console.log((await seedDemo()) ? "Demo data seeded." : "Demo data already present.");
await disconnectDb();

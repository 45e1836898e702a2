// Points lib/env at this run's database before any test touches it.
import { afterAll, inject } from "vitest";
import { resetEnvCache } from "@/lib/env";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
resetEnvCache();

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb();
});

// Points lib/platform/env at this run's database before any test touches it. The app connects as
// drempel_app under row-level security, derived from DATABASE_URL as `npm start` does
// (test/integration/rls.int.test.ts checks that). Lib functions that tests call
// directly, outside any runAsUser, run in system mode (the default set here); route
// handlers run as their caller (apiRoute), and test/integration/rls.int.test.ts checks
// the policies themselves.
import { afterAll, inject } from "vitest";
import { resetEnvCache } from "@/lib/platform/env";
import { setDefaultDbContext } from "@/lib/platform/db/db-context";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
delete process.env.APP_DATABASE_URL;
resetEnvCache();
setDefaultDbContext({ kind: "system" });

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/platform/db/client");
  await disconnectDb();
});

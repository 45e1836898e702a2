// The Prisma client: PostgreSQL when DATABASE_URL is set, else the embedded PGlite in
// DREMPEL_DATA_DIR. One client per process, guarded against unscoped tenant queries.
// On PostgreSQL it connects as the role drempel_app (env().appDatabaseUrl) through a pool
// that sets each connection's row-level-security context (lib/db/context-pool.ts). PGlite
// connects as a superuser: there the policies do not apply.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { assertSafeWhere } from "@/lib/db/where-guard";
import { ContextPool } from "@/lib/db/context-pool";

function createAdapter() {
  const { appDatabaseUrl, dataDir } = env();
  if (appDatabaseUrl) return new PrismaPg(new ContextPool({ connectionString: appDatabaseUrl, max: 10 }), { disposeExternalPool: true });
  return new PrismaPGlite(new PGlite(dataDir));
}

export function createClient() {
  const base = new PrismaClient({ adapter: createAdapter() });
  return base.$extends({
    name: "tenant-where-guard",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          assertSafeWhere(model, operation, args);
          return query(args);
        },
      },
    },
  });
}

export type Db = ReturnType<typeof createClient>;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { drempelDb?: Db };

export function db(): Db {
  globalForDb.drempelDb ??= createClient();
  return globalForDb.drempelDb;
}

/** Closes the process's client (scripts and tests). */
export async function disconnectDb(): Promise<void> {
  await globalForDb.drempelDb?.$disconnect();
  globalForDb.drempelDb = undefined;
}

// The Prisma client: PostgreSQL when DATABASE_URL is set, else the embedded PGlite in
// DREMPEL_DATA_DIR. One client per process, guarded against unscoped tenant queries.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { assertSafeWhere } from "@/lib/db/where-guard";

function createAdapter() {
  const { DATABASE_URL, dataDir } = env();
  if (DATABASE_URL) return new PrismaPg({ connectionString: DATABASE_URL, max: 10 });
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

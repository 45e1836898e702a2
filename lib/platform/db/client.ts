// The Prisma client: PostgreSQL when DATABASE_URL is set, else the embedded PGlite in
// DREMPEL_DATA_DIR. One client per process, guarded against unscoped tenant queries.
// On PostgreSQL it connects as the role drempel_app (env().appDatabaseUrl) through a pool
// that runs each query in its caller's row-level-security context, scoped to the query's
// own transaction, and system work as the role drempel_worker (env().workerDatabaseUrl;
// lib/platform/db/context-pool.ts); every query is sent from its caller's async context
// (lib/platform/db/unbatched-reads.ts). PGlite connects as a superuser: there the policies do not
// apply. With DATABASE_REPLICA_URL, reads wrapped in readFromReplica (lib/platform/db/replica.ts) go
// to a second client on the read replica, in the same row-level-security context.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { type Prisma, PrismaClient } from "@/lib/platform/db/generated/prisma/client";
import { env } from "@/lib/platform/env";
import { assertSafeWhere } from "@/lib/platform/db/where-guard";
import { ContextPool, REPLICA_APPLICATION_NAME } from "@/lib/platform/db/context-pool";
import { inReplicaScope } from "@/lib/platform/db/replica";
import { BATCH_TRANSACTION_REFUSED, UNBATCHED_READS, uniqueWhereAsFilter } from "@/lib/platform/db/unbatched-reads";

/** Beyond its typed fields Prisma passes a query's transaction (its read-replicas extension reads it so too). */
type InternalParams = { __internalParams?: { transaction?: { kind: "itx" | "batch" } } };
type ModelDelegates = Record<string, Record<string, (args: unknown) => Promise<unknown>>>;

/** How long any transaction may wait to start (for a pooled connection). */
export const TRANSACTION_MAX_WAIT_MS = 10_000;

const delegateName = (model: string) => model.charAt(0).toLowerCase() + model.slice(1);

function createAdapter(replica: boolean): { adapter: PrismaPg | PrismaPGlite; pool?: ContextPool } {
  const { appDatabaseUrl, dataDir, DATABASE_REPLICA_URL } = env();
  if (replica && DATABASE_REPLICA_URL) {
    // Read-only transactions, as on a hot standby: a write sent here by mistake fails on a
    // replica that is really the primary too (a test, a misconfiguration).
    const pool = new ContextPool({
      connectionString: DATABASE_REPLICA_URL,
      max: 10,
      application_name: REPLICA_APPLICATION_NAME,
      options: "-c default_transaction_read_only=on",
    });
    return { adapter: new PrismaPg(pool, { disposeExternalPool: true }), pool };
  }
  if (appDatabaseUrl) {
    const pool = new ContextPool({ connectionString: appDatabaseUrl, max: 10 });
    return { adapter: new PrismaPg(pool, { disposeExternalPool: true }), pool };
  }
  return { adapter: new PrismaPGlite(new PGlite(dataDir)) };
}

function createClient(replica = false) {
  const { adapter, pool } = createAdapter(replica);
  // A request's transaction may wait for a pooled connection as long as the worker's and
  // the importers' do (Prisma's default is 2 s): under load, concurrent saves queue for the
  // pool's 10 connections, and a 2 s wait failed them with P2028 (nothing written).
  const base = new PrismaClient({ adapter, transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS } });
  const client = base.$extends({
    name: "tenant-where-guard",
    query: {
      $allModels: {
        async $allOperations(params) {
          const { model, operation, args, query } = params;
          assertSafeWhere(model, operation, args);
          const transaction = (params as InternalParams).__internalParams?.transaction;
          if (transaction?.kind === "batch") throw new Error(BATCH_TRANSACTION_REFUSED);
          const unbatched = transaction ? undefined : UNBATCHED_READS[operation];
          if (!unbatched) return query(args);
          const { where, ...rest } = args as { where: Record<string, unknown> };
          return (base as unknown as ModelDelegates)[delegateName(model)]![unbatched]!({ ...rest, where: uniqueWhereAsFilter(where) });
        },
      },
    },
  });
  return { client, pool };
}

export type Db = ReturnType<typeof createClient>["client"];
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as {
  drempelDb?: ReturnType<typeof createClient>;
  drempelReplicaDb?: ReturnType<typeof createClient>;
};

/**
 * The process's client and, on PostgreSQL, its pool, made on first use: the replica's
 * inside readFromReplica when DATABASE_REPLICA_URL is set, else the primary's.
 */
function instance(): ReturnType<typeof createClient> {
  if (inReplicaScope() && env().DATABASE_REPLICA_URL) {
    globalForDb.drempelReplicaDb ??= createClient(true);
    return globalForDb.drempelReplicaDb;
  }
  globalForDb.drempelDb ??= createClient();
  return globalForDb.drempelDb;
}

export function db(): Db {
  return instance().client;
}

/**
 * Reads rows with one statement on the hot paths of the API (token, access check, list
 * page). On PostgreSQL it goes straight through the connection pool as a prepared
 * statement: Prisma's $queryRaw costs about four times the CPU of pg's query per statement,
 * and an unnamed statement is parsed and planned on every call (together ~1 ms of an
 * API request; bench/invoices.ts). The pool sets the same row-level-security context; with
 * DATABASE_POOLER=transaction the statement is sent unnamed (a pooler without
 * protocol-level prepared statements). On
 * the embedded database it goes through $queryRaw. The two parse column types
 * differently, so a statement given here returns only text, uuid, integer (int4),
 * boolean and double precision columns.
 */
export async function queryRows<T>(query: Prisma.Sql): Promise<T[]> {
  const { pool } = instance();
  if (!pool) return db().$queryRaw<T[]>(query);
  return pool.queryPrepared<T>(query);
}

/** Closes the process's client (scripts and tests). */
export async function disconnectDb(): Promise<void> {
  await Promise.all([globalForDb.drempelDb?.client.$disconnect(), globalForDb.drempelReplicaDb?.client.$disconnect()]);
  globalForDb.drempelDb = undefined;
  globalForDb.drempelReplicaDb = undefined;
}

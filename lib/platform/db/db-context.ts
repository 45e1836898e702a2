// Whose rows a database session may see under row-level security: a user, the system
// (worker, scheduler, seeding, scripts) or nobody. Carried by an AsyncLocalStorage and
// turned by the pool (lib/platform/db/context-pool.ts) into the transaction-local setting
// drempel.user_id of each query's own transaction, or, for the system, into a connection
// as the worker's role. Without an explicit context the pool falls back to the Next.js
// request context the app registers (lib/platform/db/request-context.ts).
import { AsyncLocalStorage } from "node:async_hooks";

// "tenantFree": the work reads and writes only tables without row-level security (API
// tokens, rate limits, users): its statements run as they are, without a transaction to
// carry a context (one round trip instead of a user's BEGIN/COMMIT around them). They see
// no tenant row, as with "none"; the kind names the intent.
export type DbContext = { kind: "user"; userId: string } | { kind: "system" } | { kind: "none" } | { kind: "tenantFree" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// One storage per process: Next.js may load this module in more than one bundle
// (instrumentation, route handlers, pages), and they must share the context.
const globalForContext = globalThis as unknown as {
  drempelDbContext?: AsyncLocalStorage<DbContext>;
  drempelDefaultDbContext?: DbContext;
};
const storage = (globalForContext.drempelDbContext ??= new AsyncLocalStorage<DbContext>());

// A Prisma query is a lazy thenable: it starts when someone calls its then(). `work` is
// awaited inside the context so that `runAsUser(id, () => db().invoice.count())` runs
// the query there, not wherever the caller happens to await the result.
function runIn<T>(context: DbContext, work: () => T | PromiseLike<T>): Promise<T> {
  return storage.run(context, async () => await work());
}

/** Runs `work` as `userId`: its queries see that user's businesses only. */
export function runAsUser<T>(userId: string, work: () => T | PromiseLike<T>): Promise<T> {
  if (!UUID.test(userId)) return Promise.reject(new Error("runAsUser needs a user id (uuid)"));
  return runIn({ kind: "user", userId }, work);
}

/**
 * Runs `work` in system mode (every row): on PostgreSQL its queries go to a connection as
 * the worker's role (WORKER_DATABASE_URL). Only for jobs no user asked for: the worker,
 * the scheduler, seeding and scripts, never a web request.
 */
export function runAsSystem<T>(work: () => T | PromiseLike<T>): Promise<T> {
  return runIn({ kind: "system" }, work);
}

/** Runs `work` with no context: it sees no tenant row. */
export function runWithoutContext<T>(work: () => T | PromiseLike<T>): Promise<T> {
  return runIn({ kind: "none" }, work);
}

/**
 * Runs `work`, which touches no table under row-level security, as plain statements: no
 * transaction around them for a context (connections carry none outside a transaction).
 */
export function runOnTenantFreeTables<T>(work: () => T | PromiseLike<T>): Promise<T> {
  return runIn({ kind: "tenantFree" }, work);
}

/** The context set by runAs…, if any. */
export function explicitDbContext(): DbContext | undefined {
  return storage.getStore();
}

/**
 * The context of code outside any runAs… and outside a request. Production leaves it
 * "none"; the integration tests set "system" so lib functions called directly behave as
 * before, while route handlers (runAsUser) and the RLS tests run under the policies.
 */
export function setDefaultDbContext(context: DbContext): void {
  globalForContext.drempelDefaultDbContext = context;
}

export function defaultDbContext(): DbContext {
  return globalForContext.drempelDefaultDbContext ?? { kind: "none" };
}

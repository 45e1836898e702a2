// A pg.Pool that runs every query in its caller's row-level-security context, with the
// context scoped to one transaction, so it is right on a direct connection, behind a
// transaction-mode pooler (PgBouncer) and after any error: a connection never carries a
// context outside the transaction that set it.
// - A user's context (runAsUser, or the Next.js request's session): an autocommit query
//   runs as BEGIN + SET LOCAL drempel.user_id (one round trip) + the query + COMMIT
//   (ROLLBACK after an error); a checked-out connection (Prisma's interactive
//   transactions) gets the same SET LOCAL with its BEGIN.
// - No context, or tenant-free work: the query runs as it is, and sees no tenant row.
// - System mode (runAsSystem): the query runs on a second pool that connects as the
//   worker's role (WORKER_DATABASE_URL), the only role the policies give every row. It is
//   opened on first use, so a process that runs no system work never connects as it.
// The context is read when query() or connect() is called, in the caller's async
// context: a connection handed over later by another query's release must not carry
// that query's context.
import { createHash } from "node:crypto";
import pg from "pg";
import { defaultDbContext, explicitDbContext, type DbContext } from "@/lib/platform/db/db-context";
import { requestDbContext } from "@/lib/platform/db/request-context";
import { env } from "@/lib/platform/env";

// Statement names by text. Each connection prepares a named statement once and reuses
// its plan; the texts are few (fixed statements and the list's filter and sort shapes).
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 2_000;

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `drempel_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    if (statementNames.size < MAX_NAMED_STATEMENTS) statementNames.set(text, name);
  }
  return name;
}

/** pg_stat_activity's application_name of the app's connections and of the worker role's. */
export const APPLICATION_NAME = "drempel";
export const WORKER_APPLICATION_NAME = "drempel-worker";
/** …and of the app's connections to the read replica (DATABASE_REPLICA_URL). */
export const REPLICA_APPLICATION_NAME = "drempel-replica";

const TRANSACTION_START = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;
type QueryConfig = string | pg.QueryConfig;
type QueryCallback = (error: Error | null, result?: pg.QueryResult) => void;

async function resolveContext(): Promise<DbContext> {
  return explicitDbContext() ?? (await requestDbContext()) ?? defaultDbContext();
}

/**
 * A transaction's start and the user's context as one simple-protocol message: one round
 * trip. SET LOCAL (not SELECT set_config) takes no snapshot, so a SET TRANSACTION
 * ISOLATION LEVEL may still follow (Prisma's isolationLevel option).
 */
function beginAs(client: pg.PoolClient, userId: string, begin = "BEGIN"): string {
  return `${begin}; SET LOCAL drempel.user_id = ${client.escapeLiteral(userId)}`;
}

export type ContextPoolConfig = pg.PoolConfig & {
  /** The worker's role for system mode; default env().workerDatabaseUrl. */
  systemConnectionString?: string;
  /** Named prepared statements in queryPrepared; default: unless DATABASE_POOLER=transaction. */
  namedStatements?: boolean;
};

export class ContextPool extends pg.Pool {
  private readonly systemConfig: pg.PoolConfig;
  private readonly namedStatements: boolean;
  private systemPool?: pg.Pool;

  constructor(config: ContextPoolConfig) {
    const { systemConnectionString, namedStatements, ...poolConfig } = config;
    // Named so that pg_stat_activity tells the app's connections from the worker's.
    super({ application_name: APPLICATION_NAME, ...poolConfig });
    const settings = env();
    this.namedStatements = namedStatements ?? settings.DATABASE_POOLER !== "transaction";
    this.systemConfig = {
      ...poolConfig,
      application_name: WORKER_APPLICATION_NAME,
      connectionString: systemConnectionString ?? settings.workerDatabaseUrl,
    };
  }

  /** The worker role's pool, opened on the first system-mode query. */
  private system(): pg.Pool {
    if (!this.systemConfig.connectionString) throw new Error("System mode needs PostgreSQL and the worker's role (WORKER_DATABASE_URL)");
    if (!this.systemPool) {
      this.systemPool = new pg.Pool(this.systemConfig);
      this.systemPool.on("error", (error) => this.emit("error", error));
    }
    return this.systemPool;
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    const context = resolveContext(); // started synchronously, in the caller's context
    const ready = this.checkout(context);
    if (!callback) return ready;
    ready.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | boolean | undefined)),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  // pg's overloads, reduced to what this project calls: (text | config, values?, callback?)
  // answering a promise of a QueryResult, or calling back. (Typed loosely: pg's overload
  // set includes streams, which this pool does not take.)
  // biome-ignore lint/suspicious/noExplicitAny: pg.Pool's query has eleven overloads; this one forwards them all
  override query(config: any, values?: any, callback?: any): any {
    const done = (typeof values === "function" ? values : callback) as QueryCallback | undefined;
    const params = typeof values === "function" ? undefined : (values as unknown[] | undefined);
    const result = this.run(resolveContext(), config, params);
    if (done) {
      result.then(
        (value) => done(null, value),
        (error: Error) => done(error),
      );
      return undefined;
    }
    return result;
  }

  /** Runs `query` (e.g. a Prisma.sql) as a named prepared statement: parsed and planned once per connection. */
  async queryPrepared<T>(query: { text: string; values: unknown[] }): Promise<T[]> {
    const name = this.namedStatements ? statementName(query.text) : undefined;
    const result = await this.query({ name, text: query.text, values: query.values });
    return (result as pg.QueryResult).rows as T[];
  }

  override async end(): Promise<void> {
    await Promise.all([super.end(), this.systemPool?.end()]);
  }

  private async run(context: Promise<DbContext>, config: QueryConfig, values: unknown[] | undefined): Promise<pg.QueryResult> {
    const wanted = await context;
    if (wanted.kind === "system") return this.system().query(config, values);
    const client = await super.connect();
    if (wanted.kind !== "user") return this.release(client, client.query(config, values));
    // BEGIN with the context, the query, COMMIT (ROLLBACK after a failed query).
    return this.release(client, async () => {
      await client.query(beginAs(client, wanted.userId));
      let result: pg.QueryResult;
      try {
        result = await client.query(config, values);
      } catch (error) {
        // A broken connection fails this too; it is then not reused (reusableAfter).
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
      await client.query("COMMIT");
      return result;
    });
  }

  /** Runs `work` on `client`, then releases it; a connection that broke or stayed in a transaction is destroyed. */
  private async release<T>(client: pg.PoolClient, work: (() => Promise<T>) | Promise<T>): Promise<T> {
    const ignore = () => undefined;
    client.on("error", ignore);
    try {
      const value = await (typeof work === "function" ? work() : work);
      client.release();
      return value;
    } catch (error) {
      // A connection that answered is fine (the error was the statement's); one whose
      // transaction could not be ended, or that broke, is not handed out again.
      client.release(reusableAfter(client, error) ? undefined : (error as Error));
      throw error;
    } finally {
      client.removeListener("error", ignore);
    }
  }

  private async checkout(context: Promise<DbContext>): Promise<pg.PoolClient> {
    const wanted = await context;
    if (wanted.kind === "system") return this.system().connect();
    const client = await super.connect();
    if (wanted.kind === "user") setContextOnBegin(client, wanted.userId);
    return client;
  }
}

/**
 * Whether a connection may go back to the pool after `error`: the server answered it (a
 * statement's error, not a broken connection) and the connection is outside any
 * transaction (ReadyForQuery said idle), so it carries no context.
 */
function reusableAfter(client: pg.PoolClient, error: unknown): boolean {
  return error instanceof pg.DatabaseError && client.getTransactionStatus() === "I";
}

/**
 * For one checkout: a transaction begun on `client` (Prisma sends BEGIN as its first
 * statement) begins in the user's context. Statements outside a transaction carry none.
 */
function setContextOnBegin(client: pg.PoolClient, userId: string): void {
  const own = client as unknown as { query?: unknown; release: (error?: Error | boolean) => void };
  const query = client.query;
  const release = client.release;
  own.query = function (this: pg.PoolClient, config: QueryConfig, ...rest: unknown[]) {
    const text = typeof config === "string" ? config : config?.text;
    const values = typeof config === "string" ? rest[0] : (config as pg.QueryConfig).values;
    const noValues = !values || (Array.isArray(values) && values.length === 0);
    if (typeof text === "string" && TRANSACTION_START.test(text) && noValues && !/;/.test(text)) {
      const begun = (query as (text: string) => Promise<pg.QueryResult[]>).call(client, beginAs(client, userId, text));
      const first = begun.then((results) => results[0]!);
      const done = rest.find((arg) => typeof arg === "function") as QueryCallback | undefined;
      if (!done) return first;
      first.then(
        (value) => done(null, value),
        (error: Error) => done(error),
      );
      return undefined;
    }
    return (query as (...args: unknown[]) => unknown).call(client, config, ...rest);
  } as typeof client.query;
  own.release = (error?: Error | boolean) => {
    delete own.query;
    own.release = release;
    return release.call(client, error);
  };
}

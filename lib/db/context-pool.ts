// A pg.Pool that puts every checked-out connection into the caller's row-level-security
// context before handing it over: each autocommit query (pool.query checks out too) and
// each transaction (Prisma's startTransaction) first gets drempel.user_id and
// drempel.system set for the context, or reset when there is none. The context is read
// when connect() is called, in the caller's async context: a connection handed over later
// by another query's release must not carry that query's context.
import { createHash } from "node:crypto";
import pg from "pg";
import { contextSettings, defaultDbContext, explicitDbContext, type DbContext } from "@/lib/db/db-context";
import { requestDbContext } from "@/lib/db/request-context";

const SET_CONTEXT = "SELECT set_config('drempel.user_id', $1, false), set_config('drempel.system', $2, false)";

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

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

async function resolveContext(): Promise<DbContext> {
  return explicitDbContext() ?? (await requestDbContext()) ?? defaultDbContext();
}

export class ContextPool extends pg.Pool {
  // The context each connection was last set to, so an unchanged one costs no round trip.
  // Session-level settings made outside a transaction survive until changed here.
  private readonly applied = new WeakMap<pg.PoolClient, string>();

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const context = resolveContext(); // started synchronously, in the caller's context
    const ready = this.checkout(context);
    if (!callback) return ready;
    ready.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | boolean | undefined)),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  /** Runs `query` (e.g. a Prisma.sql) as a named prepared statement: parsed and planned once per connection. */
  async queryPrepared<T>(query: { text: string; values: unknown[] }): Promise<T[]> {
    const result = await this.query({ name: statementName(query.text), text: query.text, values: query.values });
    return result.rows as T[];
  }

  private async checkout(context: Promise<DbContext>): Promise<pg.PoolClient> {
    const wanted = await context;
    const client = await super.connect();
    // Work on tables without row-level security runs in whatever context the connection has.
    if (wanted.kind === "tenantFree" && this.applied.has(client)) return client;
    const settings = contextSettings(wanted.kind === "tenantFree" ? { kind: "none" } : wanted);
    if (this.applied.get(client) === settings.key) return client;
    // Until the caller adds its own, a connection lost during this query must not
    // surface as an unhandled 'error' event; the query's rejection reports it.
    const ignore = () => undefined;
    client.on("error", ignore);
    try {
      await client.query(SET_CONTEXT, [settings.userId, settings.system]);
    } catch (error) {
      this.applied.delete(client);
      client.release(error as Error);
      throw error;
    } finally {
      client.removeListener("error", ignore);
    }
    this.applied.set(client, settings.key);
    return client;
  }
}

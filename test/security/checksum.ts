// A checksum of tenant data, to prove an attempt changed nothing. The tenant tables are
// found in the database itself (every table with a "businessId" column, plus "Business"),
// so a table added later is covered without touching this file. Each table's rows are
// hashed as ordered JSON text; volatile bookkeeping columns that a refused request may
// legitimately touch are left out.
export type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

/** Columns that change on a read (a token's last use), not data a tenant owns. */
const VOLATILE_COLUMNS = ["lastUsedAt"];

export type TableChecksum = { rows: number; md5: string };

export async function tenantTables(query: Query): Promise<string[]> {
  const rows = await query<{ table_name: string }>(
    `SELECT DISTINCT table_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'businessId'
      ORDER BY table_name`,
  );
  return ["Business", ...rows.map((row) => row.table_name).filter((name) => name !== "Business")];
}

/**
 * Table → row count and md5 of its rows. With `businessIds`, only the rows of those
 * businesses (a shared database where other tests write their own tenants' rows);
 * without, every row of every tenant table.
 */
export async function tenantChecksum(query: Query, options: { businessIds?: string[] } = {}): Promise<Record<string, TableChecksum>> {
  return checksumTables(query, await tenantTables(query), options.businessIds);
}

/** Tables that only count attempts (rate limits) or record the schema, not data. */
const BOOKKEEPING_TABLES = ["_prisma_migrations", "RateLimit"];

/** Every table of the schema (users, tokens and idempotency records too), for a database no one else writes to. */
export async function databaseChecksum(query: Query): Promise<Record<string, TableChecksum>> {
  const rows = await query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return checksumTables(
    query,
    rows.map((row) => row.table_name).filter((name) => !BOOKKEEPING_TABLES.includes(name)),
  );
}

async function checksumTables(query: Query, tables: string[], businessIds?: string[]): Promise<Record<string, TableChecksum>> {
  const excluded = VOLATILE_COLUMNS.map((column) => ` - '${column}'`).join("");
  // One statement for all tables: a consistent snapshot, and one round trip per checksum.
  const parts = tables.map((table) => {
    const key = table === "Business" ? "id" : "businessId";
    const where = businessIds ? `WHERE t."${key}"::text = ANY($1::text[])` : "";
    return `SELECT '${table}' AS "table", count(*)::int AS rows, md5(string_agg((to_jsonb(t)${excluded})::text, E'\\n' ORDER BY (to_jsonb(t)${excluded})::text)) AS md5 FROM "${table}" t ${where}`;
  });
  const rows = await query<{ table: string; rows: number; md5: string | null }>(
    parts.join("\nUNION ALL\n"),
    businessIds ? [businessIds] : [],
  );
  return Object.fromEntries(rows.map((row) => [row.table, { rows: row.rows, md5: row.md5 ?? "" }]));
}

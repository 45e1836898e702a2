// The invoice list's filter, order and page as SQL: one statement reads a page (or, for
// the CSV export, every match) as one JSON array of InvoiceDtos, another the filtered
// totals. Prisma's findMany spent most of a list request compiling the filter and
// mapping 26 columns of 50 rows (bench/invoices.ts); PostgreSQL's json_agg and one
// JSON.parse do it in a fraction. Every value is a bound parameter; column names and directions come from
// the closed lists below, never from the request.
import { queryRows } from "@/lib/platform/db/client";
import { Prisma } from "@/lib/platform/db/generated/prisma/client";
import type { InvoiceDto } from "@/lib/features/invoices/invoice-dto";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { CATEGORIES, RULE_TABLE, type RuleSet, CATEGORY_CODES } from "@/lib/kor";
import type { ListInvoicesQuery } from "@/lib/features/invoices/invoice.types";

const COUNTING = CATEGORY_CODES.filter((code) => CATEGORIES[code].countsForKor);
const ANCILLARY_ALLOWED = CATEGORY_CODES.filter((code) => CATEGORIES[code].ancillaryAllowed);

/** Years [from, to) — either end open — of one stretch of the rule table. */
export type YearRange = { from?: number; to?: number };

/**
 * The years in which the rule table excludes ancillary exempt transactions from the
 * turnover (docs/domain/KOR-RULES.md §2): each entry holds from its first year until the next entry's;
 * the first also covers every earlier year (as rulesFor does). Neighbours are merged.
 */
export function ancillaryExcludedRanges(table: readonly RuleSet[] = RULE_TABLE): YearRange[] {
  const ranges: YearRange[] = [];
  table.forEach((entry, index) => {
    if (!entry.ancillaryExemptExcluded) return;
    const from = index === 0 ? undefined : entry.fromYear;
    const to = table[index + 1]?.fromYear;
    const last = ranges.at(-1);
    if (last && last.to === from) last.to = to;
    else ranges.push({ ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  });
  return ranges;
}

const jan1 = (year: number) => `${year}-01-01`;
const categories = (codes: readonly string[]) => Prisma.sql`${codes as string[]}::"InvoiceCategory"[]`;

function yearRangeSql({ from, to }: YearRange): Prisma.Sql {
  const parts = [
    from !== undefined ? Prisma.sql`"date" >= ${jan1(from)}::date` : null,
    to !== undefined ? Prisma.sql`"date" < ${jan1(to)}::date` : null,
  ].filter((part) => part !== null);
  return parts.length ? Prisma.sql`(${Prisma.join(parts, " AND ")})` : Prisma.sql`TRUE`;
}

const ANCILLARY_RANGES = ancillaryExcludedRanges();
/** An ancillary exempt transaction in a year whose rules leave it out of the turnover. */
const ANCILLARY_EXCLUDED =
  ANCILLARY_RANGES.length === 0
    ? Prisma.sql`FALSE`
    : Prisma.sql`("ancillary" AND "category" = ANY(${categories(ANCILLARY_ALLOWED)}) AND (${Prisma.join(ANCILLARY_RANGES.map(yearRangeSql), " OR ")}))`;

/** `%text%` for ILIKE, with the pattern characters of the text taken literally. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function monthStart(year: number, month: number): string {
  return month === 13 ? jan1(year + 1) : `${year}-${String(month).padStart(2, "0")}-01`;
}

export function invoiceWhereSql(businessId: string, query: ListInvoicesQuery): Prisma.Sql {
  const and: Prisma.Sql[] = [
    Prisma.sql`"businessId" = ${businessId}::uuid`,
    query.deleted === "only" ? Prisma.sql`"deletedAt" IS NOT NULL` : Prisma.sql`"deletedAt" IS NULL`,
  ];
  const year = query.year ?? (query.month ? Number(amsterdamToday().slice(0, 4)) : undefined);
  if (year && query.month)
    and.push(Prisma.sql`"date" >= ${monthStart(year, query.month)}::date AND "date" < ${monthStart(year, query.month + 1)}::date`);
  else if (year) and.push(Prisma.sql`"date" >= ${jan1(year)}::date AND "date" < ${jan1(year + 1)}::date`);
  if (query.category) and.push(Prisma.sql`"category" = ${query.category}::"InvoiceCategory"`);
  if (query.counted === "yes") and.push(Prisma.sql`"category" = ANY(${categories(COUNTING)}) AND NOT ${ANCILLARY_EXCLUDED}`);
  if (query.counted === "no") and.push(Prisma.sql`("category" <> ALL(${categories(COUNTING)}) OR ${ANCILLARY_EXCLUDED})`);
  if (query.q) {
    const pattern = containsPattern(query.q);
    and.push(Prisma.sql`("number" ILIKE ${pattern} OR "customerName" ILIKE ${pattern} OR "description" ILIKE ${pattern})`);
  }
  return Prisma.join(and, " AND ");
}

const SORT_COLUMNS: Record<ListInvoicesQuery["sort"], string> = {
  date: `"date"`,
  number: `"number"`,
  customer: `"customerName"`,
  netCents: `"netCents"`,
  category: `"category"`,
  createdAt: `"createdAt"`,
};

/** The sort key, then a stable order within equal keys, so pages never overlap; qualified by `alias`. */
function orderSql(query: ListInvoicesQuery, alias: string): Prisma.Sql {
  const dir = query.dir === "asc" ? "ASC" : "DESC";
  const columns = [SORT_COLUMNS[query.sort], `"date"`, `"sequence"`, `"number"`, `"id"`];
  return Prisma.raw(columns.map((column) => `${alias}.${column} ${dir}`).join(", "));
}

/** A timestamp(3) column (UTC) as toISOString writes it. */
const isoTimestamp = (column: string) => Prisma.raw(`to_char(i."${column}", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * One row as an InvoiceDto (lib/features/invoices/invoice-dto.ts), built by PostgreSQL: the list
 * parses the page once and hands it on, with no Date, Decimal or mapping per row.
 * invoice-query.int.test.ts holds it equal to toInvoiceDto of Prisma's row.
 */
const DTO = Prisma.sql`json_build_object(
  'id', i."id", 'businessId', i."businessId", 'number', i."number", 'kind', lower(i."kind"::text),
  'date', to_char(i."date", 'YYYY-MM-DD'),
  'customer', json_build_object('name', i."customerName", 'country', i."customerCountry", 'type', lower(i."customerType"::text), 'vatId', i."customerVatId"),
  'category', i."category", 'netCents', i."netCents", 'vatCents', i."vatCents", 'country', i."country", 'ancillary', i."ancillary",
  'sequence', i."sequence", 'description', i."description", 'currency', i."currency", 'foreignCents', i."foreignCents",
  'exchangeRate', i."exchangeRate"::float8, 'creditsInvoiceId', i."creditsInvoiceId",
  'createdAt', ${isoTimestamp("createdAt")}, 'updatedAt', ${isoTimestamp("updatedAt")}, 'deletedAt', ${isoTimestamp("deletedAt")})`;

type Page = { offset: number; limit: number };

/** A query whose one text value is the JSON array of the matching InvoiceDtos in the query's order (null for none). */
export function invoiceDtosSql(businessId: string, query: ListInvoicesQuery, page?: Page): Prisma.Sql {
  const window = page ? Prisma.sql`OFFSET ${page.offset} LIMIT ${page.limit}` : Prisma.empty;
  return Prisma.sql`
    SELECT json_agg(${DTO} ORDER BY ${orderSql(query, "i")})::text
      FROM (SELECT x.* FROM "Invoice" x WHERE ${invoiceWhereSql(businessId, query)} ORDER BY ${orderSql(query, "x")} ${window}) i`;
}

/** A query whose one text value is the JSON of one invoice of the business as an InvoiceDto (no row: none such). */
export function invoiceDtoSql(businessId: string, invoiceId: string, options: { includeDeleted: boolean }): Prisma.Sql {
  const live = options.includeDeleted ? Prisma.empty : Prisma.sql`AND i."deletedAt" IS NULL`;
  return Prisma.sql`SELECT ${DTO}::text FROM "Invoice" i WHERE i."businessId" = ${businessId}::uuid AND i."id" = ${invoiceId}::uuid ${live}`;
}

/** The JSON of invoiceDtosSql as InvoiceDtos. */
export const parseInvoiceDtos = (json: string | null): InvoiceDto[] => JSON.parse(json ?? "[]") as InvoiceDto[];

/** The invoices matching the query in its order: one page of it, or all of them without `page`. */
export async function queryInvoices(businessId: string, query: ListInvoicesQuery, page?: Page): Promise<InvoiceDto[]> {
  const [result] = await queryRows<{ rows: string | null }>(Prisma.sql`SELECT (${invoiceDtosSql(businessId, query, page)}) AS rows`);
  return parseInvoiceDtos(result?.rows ?? null);
}

export type InvoiceTotals = { count: number; netCents: number; vatCents: number };

export async function invoiceTotals(businessId: string, query: ListInvoicesQuery): Promise<InvoiceTotals> {
  const [row] = await queryRows<{ count: number; netCents: string; vatCents: string }>(Prisma.sql`
    SELECT count(*)::int AS "count", COALESCE(sum("netCents"), 0)::text AS "netCents", COALESCE(sum("vatCents"), 0)::text AS "vatCents"
      FROM "Invoice" WHERE ${invoiceWhereSql(businessId, query)}`);
  return { count: row?.count ?? 0, netCents: Number(row?.netCents ?? 0), vatCents: Number(row?.vatCents ?? 0) };
}

// The invoice list of a business: search, filters, sort, pagination and the totals of
// the filtered set, each row with whether it counts for the KOR and why (the engine's
// own classification).
import { db } from "@/lib/db/client";
import { requireBusinessAccessWithVersion, type Caller } from "@/lib/businesses/access";
import { BoundedCache } from "@/lib/cache/bounded-cache";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CATEGORIES, classifyTransaction, type Classification } from "@/lib/kor/categories";
import { CATEGORY_CODES } from "@/lib/kor/types";
import { RULE_TABLE, type RuleSet } from "@/lib/kor/rules";
import { parseOrThrow } from "@/lib/validation";
import { amsterdamToday } from "@/lib/dates/amsterdam-today";
import { listInvoicesQuerySchema, type ListInvoicesQuery } from "@/lib/invoices/invoice.types";
import { toInvoiceDto, type InvoiceDto } from "@/lib/invoices/invoice-dto";
import { readInvoiceRows } from "@/lib/invoices/read-invoice-rows";

export type InvoiceRow = InvoiceDto & { kor: Pick<Classification, "countsForKor" | "countsForUnion" | "memberState" | "reason" | "ruleId" | "rule" | "interpretation"> };

export type InvoicePage = {
  data: InvoiceRow[];
  page: { number: number; size: number; totalItems: number; totalPages: number };
  totals: { count: number; netCents: number; vatCents: number };
  query: ListInvoicesQuery;
};

const utcDate = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const COUNTING = CATEGORY_CODES.filter((code) => CATEGORIES[code].countsForKor);
const ANCILLARY_ALLOWED = CATEGORY_CODES.filter((code) => CATEGORIES[code].ancillaryAllowed);

/**
 * The years in which the rule table excludes ancillary exempt transactions from the
 * turnover (KOR-RULES §2), as date ranges: each entry holds from its first year until the
 * next entry's; the first also covers every earlier year (as rulesFor does).
 */
export function ancillaryExcludedRanges(table: readonly RuleSet[] = RULE_TABLE): Prisma.InvoiceWhereInput[] {
  const ranges: { from?: number; to?: number }[] = [];
  table.forEach((entry, index) => {
    if (!entry.ancillaryExemptExcluded) return;
    const from = index === 0 ? undefined : entry.fromYear;
    const to = table[index + 1]?.fromYear;
    const last = ranges.at(-1);
    if (last && last.to === from) last.to = to;
    else ranges.push({ from, to });
  });
  return ranges.map(({ from, to }) => ({
    date: { ...(from !== undefined ? { gte: utcDate(from, 1, 1) } : {}), ...(to !== undefined ? { lt: utcDate(to, 1, 1) } : {}) },
  }));
}

const ANCILLARY_RANGES = ancillaryExcludedRanges();
const ancillaryExcluded: Prisma.InvoiceWhereInput =
  ANCILLARY_RANGES.length === 0
    ? { id: { in: [] } }
    : { ancillary: true, category: { in: ANCILLARY_ALLOWED }, OR: ANCILLARY_RANGES };


export function invoiceFilter(businessId: string, query: ListInvoicesQuery): Prisma.InvoiceWhereInput {
  const and: Prisma.InvoiceWhereInput[] = [{ businessId }, { deletedAt: query.deleted === "only" ? { not: null } : null }];
  const year = query.year ?? (query.month ? Number(amsterdamToday().slice(0, 4)) : undefined);
  if (year && query.month) and.push({ date: { gte: utcDate(year, query.month, 1), lt: utcDate(year, query.month + 1, 1) } });
  else if (year) and.push({ date: { gte: utcDate(year, 1, 1), lt: utcDate(year + 1, 1, 1) } });
  if (query.category) and.push({ category: query.category });
  if (query.counted === "yes") and.push({ category: { in: COUNTING }, NOT: ancillaryExcluded });
  if (query.counted === "no") and.push({ OR: [{ category: { notIn: COUNTING } }, ancillaryExcluded] });
  if (query.q) {
    const contains = { contains: query.q, mode: "insensitive" as const };
    and.push({ OR: [{ number: contains }, { customerName: contains }, { description: contains }] });
  }
  return { AND: and };
}

function orderBy(query: ListInvoicesQuery): Prisma.InvoiceOrderByWithRelationInput[] {
  const dir = query.dir;
  const primary: Record<ListInvoicesQuery["sort"], Prisma.InvoiceOrderByWithRelationInput> = {
    date: { date: dir },
    number: { number: dir },
    customer: { customerName: dir },
    netCents: { netCents: dir },
    category: { category: dir },
    createdAt: { createdAt: dir },
  };
  // A stable order within equal keys, so pages never overlap.
  return [primary[query.sort], { date: dir }, { sequence: dir }, { number: dir }, { id: dir }];
}

export function withClassification(dto: InvoiceDto): InvoiceRow {
  const { countsForKor, countsForUnion, memberState, reason, ruleId, rule, interpretation } = classifyTransaction({
    category: dto.category,
    country: dto.country ?? undefined,
    ancillary: dto.ancillary,
    date: dto.date,
  });
  return { ...dto, kor: { countsForKor, countsForUnion, memberState, reason, ruleId, rule, interpretation } };
}

// The totals of a filtered set, kept per process while the books are unchanged: paging
// and re-sorting a list reuses them instead of summing the whole year again. The key
// holds the business's books version, which the database raises with every change.
type Totals = InvoicePage["totals"];
const totalsCache = new BoundedCache<Totals>(1_000);

async function filteredTotals(where: Prisma.InvoiceWhereInput, key: string): Promise<Totals> {
  const hit = totalsCache.get(key);
  if (hit) return hit;
  const aggregate = await db().invoice.aggregate({ where, _count: { _all: true }, _sum: { netCents: true, vatCents: true } });
  const totals = { count: aggregate._count._all, netCents: Number(aggregate._sum.netCents ?? 0), vatCents: Number(aggregate._sum.vatCents ?? 0) };
  totalsCache.set(key, totals);
  return totals;
}

export async function listInvoices(options: { caller: Caller; businessId: string; query: unknown }): Promise<InvoicePage> {
  const { caller, businessId } = options;
  const query = parseOrThrow(listInvoicesQuerySchema, options.query ?? {});
  const { booksVersion } = await requireBusinessAccessWithVersion({ caller, businessId, need: "read" });
  const where = invoiceFilter(businessId, query);
  const { page: _page, pageSize: _size, sort: _sort, dir: _dir, ...filter } = query;
  const totalsKey = JSON.stringify([businessId, booksVersion, amsterdamToday(), filter]);
  const [ids, totals] = await Promise.all([
    db().invoice.findMany({ where, orderBy: orderBy(query), skip: (query.page - 1) * query.pageSize, take: query.pageSize, select: { id: true } }),
    filteredTotals(where, totalsKey),
  ]);
  const rows = await readInvoiceRows(businessId, ids.map((row) => row.id));
  const totalItems = totals.count;
  return {
    data: rows.map((row) => withClassification(toInvoiceDto(row))),
    page: { number: query.page, size: query.pageSize, totalItems, totalPages: Math.max(1, Math.ceil(totalItems / query.pageSize)) },
    totals,
    query,
  };
}

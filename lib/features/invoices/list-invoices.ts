// The invoice list of a business: search, filters, sort, pagination and the totals of
// the filtered set, each row with whether it counts for the KOR and why (the engine's
// own classification).
import { requireBusinessAccessWithVersion, type Caller } from "@/lib/features/businesses/access";
import { BoundedCache } from "@/lib/platform/cache/bounded-cache";
import { classifyTransaction, type Classification } from "@/lib/kor";
import { parseOrThrow } from "@/lib/platform/validation";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { listInvoicesQuerySchema, type ListInvoicesQuery } from "@/lib/features/invoices/invoice.types";
import type { InvoiceDto } from "@/lib/features/invoices/invoice-dto";
import { invoiceDtosSql, invoiceTotals, parseInvoiceDtos, type InvoiceTotals } from "@/lib/features/invoices/invoice-query";

export type InvoiceRow = InvoiceDto & {
  kor: Pick<Classification, "countsForKor" | "countsForUnion" | "memberState" | "reason" | "ruleId" | "rule" | "interpretation">;
};

export type InvoicePage = {
  data: InvoiceRow[];
  page: { number: number; size: number; totalItems: number; totalPages: number };
  totals: InvoiceTotals;
  query: ListInvoicesQuery;
};

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
const totalsCache = new BoundedCache<InvoiceTotals>(1_000);

async function filteredTotals(businessId: string, query: ListInvoicesQuery, key: string): Promise<InvoiceTotals> {
  const hit = totalsCache.get(key);
  if (hit) return hit;
  const totals = await invoiceTotals(businessId, query);
  totalsCache.set(key, totals);
  return totals;
}

export async function listInvoices(options: { caller: Caller; businessId: string; query: unknown }): Promise<InvoicePage> {
  const { caller, businessId } = options;
  const query = parseOrThrow(listInvoicesQuerySchema, options.query ?? {});
  const page = { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
  // The gate and the page in one statement; then the totals, reused while the books are unchanged.
  const access = await requireBusinessAccessWithVersion({
    caller,
    businessId,
    need: "read",
    alongside: invoiceDtosSql(businessId, query, page),
  });
  const { page: _page, pageSize: _size, sort: _sort, dir: _dir, ...filter } = query;
  const totalsKey = JSON.stringify([businessId, access.booksVersion, amsterdamToday(), filter]);
  const totals = await filteredTotals(businessId, query, totalsKey);
  const rows = parseInvoiceDtos(access.alongside);
  const totalItems = totals.count;
  return {
    data: rows.map(withClassification),
    page: { number: query.page, size: query.pageSize, totalItems, totalPages: Math.max(1, Math.ceil(totalItems / query.pageSize)) },
    totals,
    query,
  };
}

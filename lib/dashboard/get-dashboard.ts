// The dashboard of one business and year: the access check first (an outsider gets
// NOT_FOUND and none of the data), then one load of the books, one engine evaluation with
// explanations (every year is in its output, so last year's line needs no second run),
// the numbers and customers of only the invoices the page names (a few hundred at most,
// whatever the year's size), shaped by buildDashboard.
import { requireBusinessAccessWithVersion, type Caller } from "@/lib/businesses/access";
import { VersionedCache } from "@/lib/cache/bounded-cache";
import { db } from "@/lib/db/client";
import { amsterdamToday } from "@/lib/dates/amsterdam-today";
import { AppError } from "@/lib/errors";
import { evaluate } from "@/lib/kor/evaluate";
import { asOfForYear } from "@/lib/turnover/get-turnover";
import { loadEngineInput } from "@/lib/turnover/load-engine-input";
import { listKorDeregistrations } from "@/lib/businesses/kor-deregistration";
import { buildDashboard, invoicesNamedBy, type Listed } from "./build-dashboard";
import { fromIsoDate } from "@/lib/validation";
import type { DashboardData, InvoiceRef, SavedKorComparison } from "./dashboard.types";

// A dashboard of unchanged books is reused (see getTurnover): the books version, read with
// the access check, is raised by the database with every change of the business's
// invoices, KOR periods or facts, so the numbers and names in it can never be stale.
const cache = new VersionedCache<DashboardData>(200);
// Evaluations under way, so two parts of one page (the dashboard and the KOR periods card)
// asking at once evaluate the books once.
const pending = new Map<string, Promise<DashboardData>>();

/** `listed`: how many invoices the lists name (LISTED_INVOICES each; more for a download). */
export async function getDashboard(options: { caller: Caller; businessId: string; year?: number; listed?: Listed }): Promise<DashboardData> {
  const { caller, businessId } = options;
  const today = amsterdamToday();
  const year = options.year ?? Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new AppError("VALIDATION_FAILED", "Invalid year", { fields: { year: "validation.year" } });
  }
  const { booksVersion } = await requireBusinessAccessWithVersion({ caller, businessId, need: "read" });
  const asOf = asOfForYear(year, today);
  // Only the page's form is kept; a download of every invoice is made afresh.
  const key = options.listed === undefined ? `${businessId}:${year}:${asOf}` : null;
  const hit = key === null ? undefined : cache.get(key, booksVersion);
  if (hit) return hit;
  if (key === null) return build({ businessId, year, asOf, listed: options.listed });
  const flight = `${key}:${booksVersion}`;
  const running = pending.get(flight);
  if (running) return running;
  const work = build({ businessId, year, asOf }).then((data) => {
    cache.set(key, booksVersion, data);
    return data;
  });
  pending.set(flight, work);
  try {
    return await work;
  } finally {
    pending.delete(flight);
  }
}

async function build(options: { businessId: string; year: number; asOf: string; listed?: Listed }): Promise<DashboardData> {
  const { businessId, year, asOf } = options;
  const [input, deregistrations] = await Promise.all([loadEngineInput({ businessId, asOf }), listKorDeregistrations({ businessId })]);
  const output = evaluate(input, { explain: true });
  // The engine knows invoices by id; the dashboard names the few it lists by number.
  const named = [...invoicesNamedBy({ businessId, year, input, output, listed: options.listed, deregistrations })];
  const labels = named.length === 0 ? [] : await db().invoice.findMany({ where: { businessId, id: { in: named } }, select: { id: true, number: true, customerName: true } });
  const data = buildDashboard({ businessId, year, input, output, listed: options.listed, deregistrations, invoices: new Map<string, InvoiceRef>(labels.map((row) => [row.id, row])) });
  const [purchases, saved] = await Promise.all([yearInputVat(businessId, year), loadSavedKorComparison(businessId, year)]);
  return { ...data, comparison: { ...data.comparison, inputVatCents: purchases.vatCents, purchaseCount: purchases.count, saved } };
}

/**
 * The year's VAT on purchases that the business could deduct outside the KOR: Dutch VAT
 * charged and reverse-charged VAT (inside the KOR the latter is owed without deduction).
 */
export async function yearInputVat(businessId: string, year: number): Promise<{ vatCents: number; count: number }> {
  const totals = await db().purchase.aggregate({
    where: { businessId, vatTreatment: { not: "NO_VAT" }, date: { gte: fromIsoDate(`${year}-01-01`), lte: fromIsoDate(`${year}-12-31`) } },
    _sum: { vatCents: true },
    _count: true,
  });
  return { vatCents: totals._sum.vatCents ?? 0, count: totals._count };
}

/** The "should I be in the KOR?" answer as saved for the year. */
export async function loadSavedKorComparison(businessId: string, year: number): Promise<SavedKorComparison | null> {
  const row = await db().korComparisonChoice.findUnique({ where: { businessId_year: { businessId, year } } });
  if (!row) return null;
  const result = row.result as Omit<SavedKorComparison, "inputVatCents" | "businessCustomerShare" | "savedAt">;
  return { ...result, inputVatCents: row.inputVatCents, businessCustomerShare: row.businessCustomerShare, savedAt: row.savedAt.toISOString() };
}

/** The ?year= of the page: a whole year in range, else the current year. */
export function parseYearParam(value: string | string[] | undefined, today = amsterdamToday()): number {
  const text = Array.isArray(value) ? value[0] : value;
  const year = Number(text);
  return text && /^\d{4}$/.test(text) && year >= 2000 && year <= 2100 ? year : Number(today.slice(0, 4));
}

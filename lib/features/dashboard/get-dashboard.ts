// The dashboard of one business and year, shaped from its books (lib/features/books/read-books.ts:
// the access check first, so an outsider gets NOT_FOUND and none of the data, then the
// evaluation kept per version of the books) with the numbers and customers of only the
// invoices the page names (a few hundred at most, whatever the year's size) and the
// deregistrations ticked off, by buildDashboard. The page's form is made once per version
// of the books, however many requests (and parts of one page) ask.
import { derived, readBooks, type Books } from "@/lib/features/books/read-books";
import type { Caller } from "@/lib/features/businesses/access";
import { listKorDeregistrations } from "@/lib/features/businesses/kor-deregistration";
import { db } from "@/lib/platform/db/client";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { listDeadlinesDone } from "@/lib/features/deadlines/deadline-done";
import { buildDashboard, invoicesNamedBy, type Listed } from "./build-dashboard";
import type { DashboardData, InvoiceRef } from "./dashboard.types";
import { loadSavedKorComparison } from "./kor-comparison-choice";
import { yearInputVat } from "@/lib/features/purchases/year-input-vat";

/** `listed`: how many invoices the lists name (LISTED_INVOICES each; more for a download). */
export async function getDashboard(options: {
  caller: Caller;
  businessId: string;
  year?: number;
  listed?: Listed;
}): Promise<DashboardData> {
  const books = await readBooks(options);
  // Only the page's form is kept; a download of every invoice is made afresh.
  if (options.listed !== undefined) return build(books, options.listed);
  return derived(books, "dashboard", (kept) => build(kept, undefined));
}

async function build(books: Books, listed: Listed | undefined): Promise<DashboardData> {
  const { businessId, year, input, output } = books;
  const [deregistrations, done] = await Promise.all([listKorDeregistrations({ businessId }), listDeadlinesDone({ businessId })]);
  // The engine knows invoices by id; the dashboard names the few it lists by number.
  const named = [...invoicesNamedBy({ businessId, year, input, output, listed, deregistrations, done })];
  const labels =
    named.length === 0
      ? []
      : await db().invoice.findMany({ where: { businessId, id: { in: named } }, select: { id: true, number: true, customerName: true } });
  const data = buildDashboard({
    businessId,
    year,
    input,
    output,
    listed,
    deregistrations,
    done,
    invoices: new Map<string, InvoiceRef>(labels.map((row) => [row.id, row])),
  });
  const [purchases, saved] = await Promise.all([yearInputVat(businessId, year), loadSavedKorComparison(businessId, year)]);
  return { ...data, comparison: { ...data.comparison, inputVatCents: purchases.vatCents, purchaseCount: purchases.count, saved } };
}

/** The ?year= of the page: a whole year in range, else the current year. */
export function parseYearParam(value: string | string[] | undefined, today = amsterdamToday()): number {
  const text = Array.isArray(value) ? value[0] : value;
  const year = Number(text);
  return text && /^\d{4}$/.test(text) && year >= 2000 && year <= 2100 ? year : Number(today.slice(0, 4));
}

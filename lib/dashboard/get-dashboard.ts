// The dashboard of one business and year: one load of the books, one engine evaluation
// with explanations (every year is in its output, so last year's line needs no second
// run), shaped by buildDashboard. The access check and the load run side by side: a
// refused caller gets NOT_FOUND and none of the data. Then the numbers and customers of
// only the invoices the page names (at most a few hundred, whatever the year's size).
import { requireBusinessAccess, type Caller } from "@/lib/businesses/access";
import { db } from "@/lib/db/client";
import { amsterdamToday } from "@/lib/dates/amsterdam-today";
import { AppError } from "@/lib/errors";
import { evaluate } from "@/lib/kor/evaluate";
import { asOfForYear } from "@/lib/turnover/get-turnover";
import { loadEngineInput } from "@/lib/turnover/load-engine-input";
import { buildDashboard, invoicesNamedBy } from "./build-dashboard";
import type { DashboardData, InvoiceRef } from "./dashboard.types";

/** `listed`: how many invoices the lists name (LISTED_INVOICES; Infinity for a download of them all). */
export async function getDashboard(options: { caller: Caller; businessId: string; year?: number; listed?: number }): Promise<DashboardData> {
  const { caller, businessId } = options;
  const today = amsterdamToday();
  const year = options.year ?? Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new AppError("VALIDATION_FAILED", "Invalid year", { fields: { year: "validation.year" } });
  }
  const [access, loaded] = await Promise.allSettled([requireBusinessAccess({ caller, businessId, need: "read" }), loadEngineInput({ businessId, asOf: asOfForYear(year, today) })]);
  // The access answer first: an outsider learns NOT_FOUND, never a database error about the id.
  if (access.status === "rejected") throw access.reason;
  if (loaded.status === "rejected") throw loaded.reason;
  const input = loaded.value;
  const output = evaluate(input, { explain: true });
  // The engine knows invoices by id; the dashboard names the few it lists by number.
  const named = [...invoicesNamedBy({ businessId, year, input, output, listed: options.listed })];
  const labels = named.length === 0 ? [] : await db().invoice.findMany({ where: { businessId, id: { in: named } }, select: { id: true, number: true, customerName: true } });
  return buildDashboard({ businessId, year, input, output, listed: options.listed, invoices: new Map<string, InvoiceRef>(labels.map((row) => [row.id, row])) });
}

/** The ?year= of the page: a whole year in range, else the current year. */
export function parseYearParam(value: string | string[] | undefined, today = amsterdamToday()): number {
  const text = Array.isArray(value) ? value[0] : value;
  const year = Number(text);
  return text && /^\d{4}$/.test(text) && year >= 2000 && year <= 2100 ? year : Number(today.slice(0, 4));
}

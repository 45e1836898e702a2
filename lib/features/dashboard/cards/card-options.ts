// What every card's builder is given (the evaluation, the year, the invoice names) and the
// small pieces they share: the rule behind a figure, an invoice by number, days late.
import { toDayNumber, percentOfLimit, type EngineInput, type EngineOutput, type ISODate } from "@/lib/kor";
import type { DoneMarks } from "@/lib/features/deadlines/deadline-key";
import type { DeregistrationRecord, InvoiceRef, RuleInfo } from "../dashboard.types";

export type BuildDashboardOptions = {
  businessId: string;
  year: number;
  input: EngineInput;
  /** Evaluated with { explain: true }. */
  output: EngineOutput;
  /** Number and customer of the invoices the dashboard names (see invoicesNamedBy). */
  invoices: InvoiceNames;
  /** How many invoices the "why?" lists and the remediation table list; LISTED_INVOICES each by default. */
  listed?: Listed;
  /** The deregistrations after a crossing the owner ticked off as sent. */
  deregistrations?: readonly DeregistrationRecord[];
  /** Deadlines marked done: key → the day (lib/features/deadlines). */
  done?: DoneMarks;
};

/** Whole days from `deadline` to `asOf`; null when not past. */
export function daysLate(deadline: ISODate | null, asOf: ISODate): number | null {
  if (deadline === null || deadline >= asOf) return null;
  return toDayNumber(asOf) - toDayNumber(deadline);
}

/** How many invoices to list one by one: the latest of each "why?" list, the first of the remediation. */
export type Listed = { why: number; remediation: number };

/** Looks up an invoice's number and customer by id; a Map will do. */
export type InvoiceNames = { get(id: string): InvoiceRef | undefined };

/**
 * How many invoices a "why?" list and the remediation table show on the page. A year of
 * 2,000 invoices would otherwise put megabytes of table into the page; the rest are in
 * the invoice list (filter "counts") and in the CSV downloads.
 */
export const LISTED_INVOICES = 25;

/** One decimal, never NaN. */
/** The one rounding rule for shares of a limit (lib/kor/money.ts), shared with the mails. */
export const percentOf = percentOfLimit;

export const ruleInfo = (ref: RuleInfo): RuleInfo => ({ ruleId: ref.ruleId, rule: ref.rule, interpretation: ref.interpretation });

export function refOf(invoices: InvoiceNames, id: string): InvoiceRef {
  return invoices.get(id) ?? { id, number: id, customerName: "" };
}

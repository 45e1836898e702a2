// Which of an evaluation's alerts and deadlines are worth telling people about, with the
// figures a mail needs. Pure: the engine's output and "today" in, candidates out. The
// candidate's key is what makes delivery happen at most once (BusinessAlert's unique key).
import {
  toDayNumber,
  percentOfLimit,
  type Alert,
  type AlertLevel,
  type Bilingual,
  type EngineOutput,
  type ISODate,
  rulesFor,
  type Deadline,
} from "@/lib/kor";
import {
  DEADLINE_REMINDER_DAYS,
  REMINDED_DEADLINE_KINDS,
  VAT_RETURN_REMINDER,
  type NotificationKind,
  type RemindedDeadlineKind,
} from "@/lib/features/alerts/notification-kinds";
import { deadlineKey, type DoneMarks } from "@/lib/features/deadlines/deadline-key";

export type AlertDetails = {
  /** Counted turnover of the measure at the alert's invoice (running total), in cents. */
  totalCents?: number;
  limitCents?: number;
  /** Percent of the limit reached, by the dashboard's rule (percentOfLimit). */
  percent?: number;
  /** The level this alert is about (80, 95, 100), or the days before a deadline (14, 3). */
  threshold?: number;
  transactionId?: string;
  /** Filled from the database: the invoice's number as the user knows it. */
  invoiceNumber?: string;
  invoiceDate?: ISODate;
  /** The date by which to act (VAT return, EU-KOR notification, apply-by, report). */
  deadline?: ISODate;
  daysLeft?: number;
  /** Days past the deadline (a late reminder). */
  daysLate?: number;
  /** The filing period a reminder is about ("2026-Q4", "2026-11"). */
  period?: string;
  expectedCrossingDate?: ISODate;
  expectedTotalCents?: number;
  state?: string;
};

export type AlertCandidate = {
  key: string;
  code: NotificationKind;
  level: AlertLevel;
  year: number;
  threshold: number | null;
  date: ISODate;
  rule: string;
  details: AlertDetails;
  messages: Bilingual;
};

function runningTotal(output: EngineOutput, alert: Alert, measure: "kor" | "union"): number | undefined {
  const counted = output.explanations?.years[String(alert.year)]?.[measure].counted;
  return counted?.find((tx) => tx.transactionId === alert.transactionId)?.runningTotalCents;
}

function percentOf(total: number | undefined, limit: number | undefined): number | undefined {
  if (total === undefined || !limit) return undefined;
  return percentOfLimit(total, limit);
}

function detailsOf(output: EngineOutput, alert: Alert): AlertDetails {
  const limits = output.years[String(alert.year)]?.limits;
  const base: AlertDetails = alert.transactionId ? { transactionId: alert.transactionId } : {};
  if (alert.state) base.state = alert.state;
  switch (alert.code) {
    case "KOR_THRESHOLD_APPROACHING": {
      const totalCents = runningTotal(output, alert, "kor");
      return { ...base, totalCents, limitCents: limits?.korCents, percent: percentOf(totalCents, limits?.korCents) };
    }
    case "KOR_THRESHOLD_CROSSED": {
      const crossing = output.kor.crossings.find((c) => c.transactionId === alert.transactionId && c.year === alert.year);
      const totalCents = crossing?.runningTotalAfterCents ?? runningTotal(output, alert, "kor");
      const deadline = output.deadlines.find((d) => d.kind === "VAT_RETURN_DUE" && d.transactionId === alert.transactionId)?.date;
      return {
        ...base,
        totalCents,
        limitCents: limits?.korCents,
        percent: percentOf(totalCents, limits?.korCents),
        ...(deadline ? { deadline } : {}),
      };
    }
    case "EU_KOR_THRESHOLD_APPROACHING": {
      const totalCents = runningTotal(output, alert, "union");
      return { ...base, totalCents, limitCents: limits?.unionCents, percent: percentOf(totalCents, limits?.unionCents) };
    }
    case "EU_KOR_THRESHOLD_CROSSED": {
      const crossing = output.euKor.crossings.find((c) => c.transactionId === alert.transactionId && c.year === alert.year);
      const totalCents = crossing?.runningTotalAfterCents;
      return {
        ...base,
        totalCents,
        limitCents: limits?.unionCents,
        percent: percentOf(totalCents, limits?.unionCents),
        ...(crossing ? { deadline: crossing.notifyBy } : {}),
      };
    }
    case "EU_DISTANCE_SALES_THRESHOLD_CROSSED":
      return { ...base, limitCents: limits?.distanceSalesCents ?? undefined };
    case "KOR_PROJECTED_CROSSING":
    case "EU_KOR_PROJECTED_CROSSING": {
      const p = alert.code === "KOR_PROJECTED_CROSSING" ? output.projection.kor : output.projection.union;
      return {
        ...base,
        totalCents: p.toDateCents,
        limitCents: p.limitCents,
        percent: percentOf(p.toDateCents, p.limitCents),
        expectedTotalCents: p.expectedTotalCents,
        ...(p.expectedCrossingDate ? { expectedCrossingDate: p.expectedCrossingDate } : {}),
      };
    }
    default:
      return base;
  }
}

/**
 * Alerts of the year of `asOf`, and critical ones of the year before (an invoice of last
 * December entered in January can still mean VAT is owed); earlier years stay quiet, so
 * importing old books does not flood anyone.
 */
function isCurrent(alert: Alert, asOfYear: number): boolean {
  return alert.year === asOfYear || (alert.year === asOfYear - 1 && alert.level === "critical");
}

function reminderFor(daysLeft: number): number | null {
  if (daysLeft < 0) return null;
  const sorted = [...DEADLINE_REMINDER_DAYS].sort((a, b) => a - b);
  return sorted.find((days) => daysLeft <= days) ?? null;
}

/**
 * The first VAT return after a crossing: a reminder `daysBefore` days ahead (kept until the
 * due date under one key), and a late one within `lateWithinDays` after it.
 */
function vatReturnReminder(deadline: Deadline, asOf: ISODate): AlertCandidate | null {
  const { daysBefore, lateWithinDays } = rulesFor(Number(deadline.date.slice(0, 4))).firstVatReturnReminder;
  const daysLeft = toDayNumber(deadline.date) - toDayNumber(asOf);
  const late = daysLeft < 0;
  if (late ? -daysLeft > lateWithinDays : daysLeft > daysBefore) return null;
  const about = deadline.about ?? "";
  return {
    key: [VAT_RETURN_REMINDER, deadline.date, about, late ? "late" : `d${daysBefore}`].join(":"),
    code: VAT_RETURN_REMINDER,
    level: late ? "critical" : "warning",
    year: Number(deadline.date.slice(0, 4)),
    threshold: late ? null : daysBefore,
    date: deadline.date,
    rule: deadline.rule,
    details: {
      deadline: deadline.date,
      ...(late ? { daysLate: -daysLeft } : { daysLeft }),
      ...(about ? { period: about } : {}),
      ...(deadline.transactionId ? { transactionId: deadline.transactionId } : {}),
    },
    messages: deadline.messages,
  };
}

/** `done`: deadlines marked done (key → day); nothing reminds of them any more. */
export function selectAlerts(output: EngineOutput, asOf: ISODate, done?: DoneMarks): AlertCandidate[] {
  const asOfYear = Number(asOf.slice(0, 4));
  const out: AlertCandidate[] = [];
  for (const alert of output.alerts) {
    if (!isCurrent(alert, asOfYear)) continue;
    out.push({
      key: alert.key,
      code: alert.code,
      level: alert.level,
      year: alert.year,
      threshold: alert.threshold ?? null,
      date: alert.date,
      rule: alert.rule,
      details: alert.threshold === undefined ? detailsOf(output, alert) : { ...detailsOf(output, alert), threshold: alert.threshold },
      messages: alert.messages,
    });
  }
  const reminded = new Set<string>(REMINDED_DEADLINE_KINDS);
  for (const deadline of output.deadlines) {
    const key = deadlineKey(deadline);
    if (key !== null && done?.has(key)) continue;
    if (deadline.kind === "VAT_RETURN_DUE") {
      const reminder = vatReturnReminder(deadline, asOf);
      if (reminder) out.push(reminder);
      continue;
    }
    if (!reminded.has(deadline.kind)) continue;
    const daysLeft = toDayNumber(deadline.date) - toDayNumber(asOf);
    const reminder = reminderFor(daysLeft);
    if (reminder === null) continue;
    const code = `DEADLINE_${deadline.kind as RemindedDeadlineKind}` as const;
    out.push({
      key: [code, deadline.date, deadline.about ?? "", `d${reminder}`].join(":"),
      code,
      level: daysLeft <= 3 ? "critical" : "warning",
      year: Number(deadline.date.slice(0, 4)),
      threshold: reminder,
      date: deadline.date,
      rule: deadline.rule,
      details: { deadline: deadline.date, daysLeft, ...(deadline.transactionId ? { transactionId: deadline.transactionId } : {}) },
      messages: deadline.messages,
    });
  }
  return out;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Every invoice id the candidates mention (their own and inside the engine's texts). */
export function referencedInvoiceIds(candidates: readonly AlertCandidate[]): string[] {
  const ids = new Set<string>();
  for (const c of candidates) {
    if (c.details.transactionId) ids.add(c.details.transactionId);
    for (const text of [c.messages.nl, c.messages.en]) for (const match of text.match(UUID) ?? []) ids.add(match.toLowerCase());
  }
  return [...ids];
}

/** The engine speaks of transaction ids; people know invoice numbers. */
export function withInvoiceNumbers(
  candidate: AlertCandidate,
  invoices: ReadonlyMap<string, { number: string; date: ISODate }>,
): AlertCandidate {
  const replace = (text: string) => text.replace(UUID, (id) => invoices.get(id.toLowerCase())?.number ?? id);
  const invoice = candidate.details.transactionId ? invoices.get(candidate.details.transactionId) : undefined;
  return {
    ...candidate,
    details: invoice ? { ...candidate.details, invoiceNumber: invoice.number, invoiceDate: invoice.date } : candidate.details,
    messages: { nl: replace(candidate.messages.nl), en: replace(candidate.messages.en) },
  };
}

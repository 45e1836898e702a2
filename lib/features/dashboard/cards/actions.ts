// The actions panel: what to do now, from the year's alerts and the next deadlines to act
// on, most urgent first, each saying how late it is once past.
import { rulesFor, type Alert } from "@/lib/kor";
import type { ActionItem } from "../dashboard.types";
import { daysLate, refOf, ruleInfo, type BuildDashboardOptions, type InvoiceNames } from "./card-options";
import { deadlineActions, doneOnOf } from "./deadline-actions";

/** The engine's text names transactions by id; the user knows them by number. */
export function withInvoiceNumbers(text: string, ids: string[], invoices: InvoiceNames): string {
  let out = text;
  for (const id of ids) {
    const ref = invoices.get(id);
    if (ref) out = out.split(id).join(ref.number);
  }
  return out;
}

function actionOfAlert(alert: Alert, options: BuildDashboardOptions): ActionItem {
  const { output, invoices } = options;
  const ids = [alert.transactionId, ...(alert.transactionIds ?? [])].filter((id): id is string => Boolean(id));
  const invoice = alert.transactionId ? refOf(invoices, alert.transactionId).number : undefined;
  const base = {
    ...ruleInfo(alert),
    key: alert.key,
    level: alert.level,
    alertCode: alert.code,
    detail: { nl: withInvoiceNumbers(alert.messages.nl, ids, invoices), en: withInvoiceNumbers(alert.messages.en, ids, invoices) },
    daysLate: null,
    deadlineKey: null,
    doneOn: null,
  };
  switch (alert.code) {
    case "KOR_THRESHOLD_CROSSED": {
      // Deregister at once, with the crossing date as the end date (§3.2) — until ticked off as sent.
      const sent = options.deregistrations?.find((d) => d.endDate === alert.date);
      if (sent)
        return { ...base, kind: "leftKor", level: "info", deadline: null, params: { date: alert.date, invoice, sentOn: sent.sentOn } };
      return { ...base, kind: "leaveNow", deadline: alert.date, params: { date: alert.date, invoice } };
    }
    case "KOR_VAT_ON_INVOICE":
      return { ...base, kind: "vatOnInvoice", deadline: null, params: { date: alert.date, invoice } };
    case "KOR_THRESHOLD_APPROACHING":
      return { ...base, kind: "watchLimit", deadline: null, params: { percent: alert.threshold, invoice, date: alert.date } };
    case "KOR_PROJECTED_CROSSING": {
      const p = output.projection.kor;
      const leave = output.deadlines.find((d) => d.kind === "KOR_APPLY_BY" && d.date >= output.asOf);
      return {
        ...base,
        kind: "projectedCrossing",
        deadline: leave?.date ?? null,
        params: { date: p.expectedCrossingDate ?? alert.date, amountCents: p.expectedTotalCents },
      };
    }
    case "KOR_PARTICIPATION_IN_EXCLUSION":
      return { ...base, kind: "exclusionConflict", deadline: null, params: { date: alert.date } };
    case "EU_KOR_THRESHOLD_CROSSED": {
      const crossing = output.euKor.crossings.find((c) => c.year === alert.year);
      const mark = crossing ? doneOnOf({ kind: "EU_KOR_NOTIFY_BY", about: crossing.date }, options.done) : { key: null, doneOn: null };
      return {
        ...base,
        deadlineKey: mark.key,
        doneOn: mark.doneOn,
        level: mark.doneOn !== null ? "info" : base.level,
        kind: "euNotify",
        deadline: crossing?.notifyBy ?? null,
        params: { date: alert.date, invoice, days: rulesFor(alert.year).euKorNotifyWorkingDays },
      };
    }
    case "EU_KOR_THRESHOLD_APPROACHING":
    case "EU_KOR_PROJECTED_CROSSING":
      return { ...base, kind: "euWatch", deadline: null, params: { percent: alert.threshold, date: alert.date } };
    case "EU_KOR_MEMBER_STATE_THRESHOLD_CROSSED":
      return { ...base, kind: "euMemberState", deadline: null, params: { state: alert.state, date: alert.date, invoice } };
    case "EU_DISTANCE_SALES_THRESHOLD_CROSSED":
    case "EU_DISTANCE_SALES_PREVIOUS_YEAR_EXCEEDED":
      return { ...base, kind: "distanceSales", deadline: null, params: { date: alert.date, invoice } };
  }
}

const LEVEL_ORDER = { critical: 0, warning: 1, info: 2 } as const;

export function buildActions(options: BuildDashboardOptions, isCurrentYear: boolean): ActionItem[] {
  const { output, year } = options;
  const alerts = output.alerts.filter((alert) => alert.year === year);
  // Of the 80% and 95% warnings only the highest still matters.
  const highestApproach = Math.max(0, ...alerts.filter((a) => a.code === "KOR_THRESHOLD_APPROACHING").map((a) => a.threshold ?? 0));
  const crossed = alerts.some((a) => a.code === "KOR_THRESHOLD_CROSSED");
  const actions = alerts
    .filter((a) => a.code !== "KOR_THRESHOLD_APPROACHING" || (!crossed && (a.threshold ?? 0) === highestApproach))
    .map((alert) => actionOfAlert(alert, options));

  if (isCurrentYear) {
    const nextApply = output.deadlines
      .filter((d) => d.kind === "KOR_APPLY_BY" && d.date >= output.asOf)
      .sort((a, b) => a.date.localeCompare(b.date))[0];
    if (nextApply && !output.kor.participatingOnAsOf && !crossed) {
      actions.push({
        ...ruleInfo(nextApply),
        key: `applyBy:${nextApply.date}`,
        kind: "applyBy",
        level: "info",
        alertCode: null,
        deadline: nextApply.date,
        daysLate: null,
        deadlineKey: null,
        doneOn: null,
        params: { date: nextApply.date, start: nextApply.about ?? undefined },
        detail: nextApply.messages,
      });
    }
  }
  actions.push(...deadlineActions({ output, year, isCurrentYear, done: options.done }));
  // A deadline in the past stays, saying how late it is, until it is done.
  for (const action of actions) action.daysLate = action.doneOn === null ? daysLate(action.deadline, output.asOf) : null;
  // What is done goes last: it needs nothing more.
  const doneLast = (a: ActionItem) => (a.doneOn === null ? 0 : 1);
  return actions.sort(
    (a, b) =>
      doneLast(a) - doneLast(b) ||
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999"),
  );
}

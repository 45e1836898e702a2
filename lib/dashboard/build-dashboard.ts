// Shapes one engine evaluation (with explanations) into the dashboard of one business
// and year: progress against the KOR limit, the cumulative and monthly series, the EU
// figures, actions with deadlines, remediation and the "why?" lists. Pure: no I/O, no
// clock — "today" is the evaluation's asOf.
import { categoryVatRatePercent } from "@/lib/kor/categories";
import { toDayNumber } from "@/lib/kor/dates";
import { percentOfLimit } from "@/lib/kor/money";
import { exclusionEndDate } from "@/lib/kor/deadlines";
import { korParticipationIn } from "@/lib/kor/participation-status";
import { rulesFor } from "@/lib/kor/rules";
import type { Alert, Category, EngineInput, EngineOutput, ExplainedTotal, ISODate } from "@/lib/kor/types";
import type {
  ActionItem,
  CategoryGroup,
  CumulativePoint,
  CumulativeSeries,
  DashboardData,
  DeadlineItem,
  DeregistrationRecord,
  EuSection,
  ExplainedFigure,
  ExplainedGroup,
  ExplainedList,
  InvoiceRef,
  KorStatus,
  MemberStateRow,
  MonthBar,
  ParticipationInfo,
  Progress,
  RuleInfo,
  SalesAtRate,
} from "./dashboard.types";
import { dateOfDay, dayOfYear, daysInYear } from "./dates";

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

const CATEGORY_GROUPS: Record<Category, CategoryGroup> = {
  NL_STANDARD: "domestic",
  NL_REDUCED: "domestic",
  NL_ZERO: "domestic",
  NL_REVERSE_CHARGE: "domestic",
  EXPORT_NON_EU: "outsideEu",
  NON_EU_SERVICES: "outsideEu",
  EU_B2B_GOODS: "eu",
  EU_B2C_NL_VAT: "eu",
  EU_B2C_FOREIGN_VAT: "eu",
  EU_B2B_SERVICES: "eu",
  EU_LOCAL: "eu",
  EXEMPT_REAL_ESTATE: "exempt",
  EXEMPT_FINANCIAL: "exempt",
  EXEMPT_INSURANCE: "exempt",
  EXEMPT_OTHER: "exempt",
  PRIVATE_USE: "other",
  ASSET_SALE: "other",
};

export const categoryGroupOf = (category: Category): CategoryGroup => CATEGORY_GROUPS[category];

export { dayOfYear, daysInYear } from "./dates";

/** One decimal, never NaN. */
/** The one rounding rule for shares of a limit (lib/kor/money.ts), shared with the mails. */
export const percentOf = percentOfLimit;

const ruleInfo = (ref: RuleInfo): RuleInfo => ({ ruleId: ref.ruleId, rule: ref.rule, interpretation: ref.interpretation });

function refOf(invoices: InvoiceNames, id: string): InvoiceRef {
  return invoices.get(id) ?? { id, number: id, customerName: "" };
}

function emptyTotal(ruleId: "kor.limit" | "union.limit"): ExplainedTotal {
  return { ruleId, rule: "§1", interpretation: false, totalCents: 0, counted: [], notCounted: [] };
}

function explainList(entries: ExplainedTotal["counted"], invoices: InvoiceNames, listed: number): ExplainedList {
  const groups = new Map<string, ExplainedGroup>();
  let netCents = 0;
  for (const entry of entries) {
    netCents += entry.netCents;
    const key = `${entry.category}|${entry.ruleId}|${entry.reason.en}`;
    const group = groups.get(key);
    if (group) {
      group.count += 1;
      group.netCents += entry.netCents;
    } else {
      groups.set(key, { ...ruleInfo(entry), category: entry.category, reason: entry.reason, count: 1, netCents: entry.netCents });
    }
  }
  return {
    count: entries.length,
    netCents,
    groups: [...groups.values()].sort((a, b) => b.netCents - a.netCents || a.category.localeCompare(b.category)),
    rows: entries.slice(Math.max(0, entries.length - listed)).map((entry) => ({
      ...ruleInfo(entry),
      invoice: refOf(invoices, entry.transactionId),
      date: entry.date,
      category: entry.category,
      netCents: entry.netCents,
      counted: entry.counted,
      reason: entry.reason,
      runningTotalCents: entry.runningTotalCents ?? null,
    })),
  };
}

function explainFigure(total: ExplainedTotal, invoices: InvoiceNames, listed: number): ExplainedFigure {
  return { ...ruleInfo(total), totalCents: total.totalCents, counted: explainList(total.counted, invoices, listed), notCounted: explainList(total.notCounted, invoices, listed) };
}

function participatingInYear(options: BuildDashboardOptions, isCurrentYear: boolean): boolean {
  const { input, output, year } = options;
  const crossing = output.kor.crossings.find((c) => c.year === year);
  if (crossing?.whileParticipating) return true;
  if (isCurrentYear) return output.kor.participatingOnAsOf;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const overlaps = (input.business.korParticipations ?? []).some((p) => p.from <= end && (p.to === undefined || p.to >= start));
  const exclusion = output.kor.exclusion;
  const excludedAllYear = exclusion !== null && exclusion.from <= start && exclusion.to >= end;
  return overlaps && !excludedAllYear;
}

export function korStatus(options: { crossedWhileParticipating: boolean; participating: boolean; percent: number; approachingPercent: number }): KorStatus {
  if (options.crossedWhileParticipating) return "crossed";
  if (!options.participating) return "notInKor";
  return options.percent >= options.approachingPercent ? "approaching" : "safe";
}

function buildProgress(options: BuildDashboardOptions, isCurrentYear: boolean): Progress {
  const { output, year } = options;
  const rules = rulesFor(year);
  const limitCents = rules.korLimitCents;
  const countedCents = output.years[String(year)]?.korTurnoverCents ?? 0;
  const percent = percentOf(countedCents, limitCents);
  const crossing = output.kor.crossings.find((c) => c.year === year);
  const participating = participatingInYear(options, isCurrentYear);
  return {
    countedCents,
    limitCents,
    percent,
    marks: rules.approachingPercents.map((p) => ({ percent: p, cents: Math.round((limitCents * p) / 100) })),
    roomLeftCents: Math.max(0, limitCents - countedCents),
    status: korStatus({
      crossedWhileParticipating: crossing?.whileParticipating ?? false,
      participating,
      percent,
      approachingPercent: rules.approachingPercents[0] ?? 80,
    }),
    participatingInYear: participating,
    participatingOnAsOf: output.kor.participatingOnAsOf,
  };
}

/** Running totals at the end of each day with a counted transaction, as [day, cents]. */
function dailyRunningTotals(total: ExplainedTotal | undefined, maxDay: number): [number, number][] {
  const byDay = new Map<number, number>();
  for (const entry of total?.counted ?? []) {
    if (entry.runningTotalCents === undefined) continue;
    byDay.set(Math.min(dayOfYear(entry.date), maxDay), entry.runningTotalCents);
  }
  return [...byDay.entries()].sort((a, b) => a[0] - b[0]);
}

export function buildCumulative(options: BuildDashboardOptions, isCurrentYear: boolean): CumulativeSeries {
  const { output, year, invoices } = options;
  const lastDay = daysInYear(year);
  const points = new Map<number, CumulativePoint>();
  const at = (day: number): CumulativePoint => {
    let point = points.get(day);
    if (!point) {
      point = { day, date: dateOfDay(year, day) };
      points.set(day, point);
    }
    return point;
  };

  const current = output.explanations?.years[String(year)]?.kor;
  const currentTotals = dailyRunningTotals(current, lastDay);
  at(1).actual = 0;
  for (const [day, cents] of currentTotals) at(day).actual = cents;
  const asOfDay = isCurrentYear ? dayOfYear(output.asOf) : lastDay;
  const lastTotal = currentTotals.at(-1)?.[1] ?? 0;
  const lastTxDay = currentTotals.at(-1)?.[0] ?? 1;
  at(Math.max(asOfDay, lastTxDay)).actual = lastTotal;

  const previous = output.explanations?.years[String(year - 1)]?.kor;
  const previousYearTotalCents = output.years[String(year - 1)]?.korTurnoverCents ?? null;
  if (previous && previousYearTotalCents !== null) {
    at(1).previous = 0;
    for (const [day, cents] of dailyRunningTotals(previous, lastDay)) at(day).previous = cents;
    at(lastDay).previous = previousYearTotalCents;
  }

  const p = output.projection.kor;
  let projection: CumulativeSeries["projection"] = null;
  if (isCurrentYear && output.projection.year === year && p.basis !== "none" && asOfDay < lastDay) {
    projection = {
      ...ruleInfo(p),
      basis: p.basis,
      fromDate: output.asOf,
      toDateCents: p.toDateCents,
      expectedTotalCents: p.expectedTotalCents,
      lowTotalCents: p.lowTotalCents,
      highTotalCents: p.highTotalCents,
      interval: p.interval,
      expectedCrossingDate: p.expectedCrossingDate,
      earliestCrossingDate: p.earliestCrossingDate,
      latestCrossingDate: p.latestCrossingDate,
      sufficientData: p.sufficientData,
    };
    const start = at(asOfDay);
    start.projected = p.toDateCents;
    start.band = [p.toDateCents, p.toDateCents];
    const end = at(lastDay);
    end.projected = p.expectedTotalCents;
    end.band = [p.lowTotalCents, p.highTotalCents];
  }

  const crossing = output.kor.crossings.find((c) => c.year === year);
  return {
    points: [...points.values()].sort((a, b) => a.day - b.day),
    limitCents: rulesFor(year).korLimitCents,
    daysInYear: lastDay,
    projection,
    previousYear: year - 1,
    previousYearTotalCents,
    crossing: crossing
      ? { day: dayOfYear(crossing.date), cents: crossing.runningTotalAfterCents, invoiceNumber: refOf(invoices, crossing.transactionId).number, date: crossing.date }
      : null,
  };
}

export function buildMonthly(total: ExplainedTotal | undefined): MonthBar[] {
  const months: MonthBar[] = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, countedCents: 0, notCountedCents: 0, groups: {}, categories: [] }));
  const entries = [...(total?.counted ?? []), ...(total?.notCounted ?? [])];
  for (const entry of entries) {
    const bar = months[Number(entry.date.slice(5, 7)) - 1]!;
    const side = entry.counted ? "counted" : "notCounted";
    if (entry.counted) bar.countedCents += entry.netCents;
    else bar.notCountedCents += entry.netCents;
    const key = `${side}.${categoryGroupOf(entry.category)}` as const;
    bar.groups[key] = (bar.groups[key] ?? 0) + entry.netCents;
    const category = bar.categories.find((c) => c.category === entry.category && c.counted === entry.counted);
    if (category) category.cents += entry.netCents;
    else bar.categories.push({ category: entry.category, counted: entry.counted, cents: entry.netCents });
  }
  for (const bar of months) bar.categories.sort((a, b) => Number(b.counted) - Number(a.counted) || b.cents - a.cents);
  return months;
}

export function sortMemberStatesByRisk(rows: MemberStateRow[]): MemberStateRow[] {
  return [...rows].sort((a, b) => {
    if (a.percent === null && b.percent !== null) return 1;
    if (b.percent === null && a.percent !== null) return -1;
    return (b.percent ?? 0) - (a.percent ?? 0) || b.turnoverCents - a.turnoverCents || a.state.localeCompare(b.state);
  });
}

function buildEu(options: BuildDashboardOptions): EuSection | null {
  const { input, output, year, invoices } = options;
  const totals = output.years[String(year)];
  const euKor = input.business.euKor;
  const stateTurnover = totals?.memberStateTurnoverCents ?? {};
  const foreign = Object.keys(stateTurnover).some((state) => state !== input.business.establishedIn);
  if (!euKor && !foreign && (totals?.distanceSalesCents ?? 0) === 0) return null;
  const rules = rulesFor(year);
  const states = new Set([...Object.keys(stateTurnover), ...(euKor?.memberStates ?? [])]);
  const rows: MemberStateRow[] = [...states].map((state) => {
    const turnoverCents = stateTurnover[state] ?? 0;
    const thresholdCents = rules.memberStateThresholds[state]?.thresholdCents ?? null;
    return {
      state,
      turnoverCents,
      thresholdCents,
      percent: thresholdCents === null ? null : percentOf(turnoverCents, thresholdCents),
      usesEuKor: euKor?.memberStates.includes(state) ?? false,
      crossedOn: output.euKor.memberStateCrossings.find((c) => c.year === year && c.state === state)?.date ?? null,
    };
  });
  const crossing = output.euKor.crossings.find((c) => c.year === year);
  const unionCents = totals?.unionTurnoverCents ?? 0;
  return {
    unionCents,
    unionLimitCents: rules.unionLimitCents,
    unionPercent: percentOf(unionCents, rules.unionLimitCents),
    distanceSalesCents: totals?.distanceSalesCents ?? 0,
    distanceSalesLimitCents: rules.distanceSalesThresholdCents,
    euKorEnabled: euKor !== undefined,
    crossing: crossing ? { ...ruleInfo(crossing), date: crossing.date, invoice: refOf(invoices, crossing.transactionId), notifyBy: crossing.notifyBy } : null,
    memberStates: sortMemberStatesByRisk(rows),
  };
}

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
  };
  switch (alert.code) {
    case "KOR_THRESHOLD_CROSSED": {
      // Deregister at once, with the crossing date as the end date (§3.2) — until ticked off as sent.
      const sent = options.deregistrations?.find((d) => d.endDate === alert.date);
      if (sent) return { ...base, kind: "leftKor", level: "info", deadline: null, params: { date: alert.date, invoice, sentOn: sent.sentOn } };
      return { ...base, kind: "leaveNow", deadline: alert.date, params: { date: alert.date, invoice } };
    }
    case "KOR_VAT_ON_INVOICE":
      return { ...base, kind: "vatOnInvoice", deadline: null, params: { date: alert.date, invoice } };
    case "KOR_THRESHOLD_APPROACHING":
      return { ...base, kind: "watchLimit", deadline: null, params: { percent: alert.threshold, invoice, date: alert.date } };
    case "KOR_PROJECTED_CROSSING": {
      const p = output.projection.kor;
      const leave = output.deadlines.find((d) => d.kind === "KOR_APPLY_BY" && d.date >= output.asOf);
      return { ...base, kind: "projectedCrossing", deadline: leave?.date ?? null, params: { date: p.expectedCrossingDate ?? alert.date, amountCents: p.expectedTotalCents } };
    }
    case "KOR_PARTICIPATION_IN_EXCLUSION":
      return { ...base, kind: "exclusionConflict", deadline: null, params: { date: alert.date } };
    case "EU_KOR_THRESHOLD_CROSSED": {
      const crossing = output.euKor.crossings.find((c) => c.year === alert.year);
      return {
        ...base,
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
    const nextApply = output.deadlines.filter((d) => d.kind === "KOR_APPLY_BY" && d.date >= output.asOf).sort((a, b) => a.date.localeCompare(b.date))[0];
    if (nextApply && !output.kor.participatingOnAsOf && !crossed) {
      actions.push({
        ...ruleInfo(nextApply),
        key: `applyBy:${nextApply.date}`,
        kind: "applyBy",
        level: "info",
        alertCode: null,
        deadline: nextApply.date,
        daysLate: null,
        params: { date: nextApply.date, start: nextApply.about ?? undefined },
        detail: nextApply.messages,
      });
    }
    const nextReport = output.deadlines.filter((d) => d.kind === "EU_KOR_REPORT_DUE" && d.date >= output.asOf).sort((a, b) => a.date.localeCompare(b.date))[0];
    if (nextReport) {
      actions.push({
        ...ruleInfo(nextReport),
        key: `euReport:${nextReport.about ?? nextReport.date}`,
        kind: "euReport",
        level: "info",
        alertCode: null,
        deadline: nextReport.date,
        daysLate: null,
        params: { date: nextReport.date, start: nextReport.about ?? undefined },
        detail: nextReport.messages,
      });
    }
  }
  // A deadline in the past stays, saying how late it is, until it is done.
  for (const action of actions) action.daysLate = daysLate(action.deadline, output.asOf);
  return actions.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999"));
}

// Dates by which the owner must do something; the others (a deregistration taking effect,
// the earliest rejoin) are events that simply pass.
const TO_DO_KINDS: ReadonlySet<DeadlineItem["kind"]> = new Set(["KOR_APPLY_BY", "VAT_RETURN_DUE", "EU_KOR_NOTIFY_BY", "EU_KOR_REPORT_DUE"]);

function buildDeadlines(output: EngineOutput): DeadlineItem[] {
  return output.deadlines
    .map((d) => ({
      ...ruleInfo(d),
      kind: d.kind,
      date: d.date,
      about: d.about ?? null,
      past: d.date < output.asOf,
      choice: d.choice === true,
      daysLate: d.choice !== true && TO_DO_KINDS.has(d.kind) ? daysLate(d.date, output.asOf) : null,
      messages: d.messages,
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Left the KOR: by this year's crossing (with the deregistration to tick off), or excluded after an earlier leaving. */
function buildParticipation(options: BuildDashboardOptions): ParticipationInfo | null {
  const { output, year, invoices } = options;
  const state = korParticipationIn(output, year);
  if (state.status === "endedByCrossing" && state.endedOn !== null) {
    const sent = options.deregistrations?.find((d) => d.endDate === state.endedOn) ?? null;
    return {
      status: "endedByCrossing",
      endedOn: state.endedOn,
      crossingInvoice: state.crossingTransactionId ? refOf(invoices, state.crossingTransactionId) : null,
      earliestRejoin: state.earliestRejoin,
      excludedUntil: exclusionEndDate(state.endedOn),
      deregistration: { endDate: state.endedOn, sentOn: sent?.sentOn ?? null, daysLate: sent ? null : daysLate(state.endedOn, output.asOf) },
    };
  }
  if (state.status === "excluded" && state.endedOn !== null) {
    return { status: "excluded", endedOn: state.endedOn, crossingInvoice: null, earliestRejoin: state.earliestRejoin, excludedUntil: output.kor.exclusion?.to ?? null, deregistration: null };
  }
  return null;
}

/** Counted sales grouped by the Dutch VAT rate they would carry outside the KOR. */
export function salesByRateOf(total: ExplainedTotal | undefined, year: number): SalesAtRate[] {
  const byRate = new Map<number, number>();
  for (const entry of total?.counted ?? []) {
    const rate = categoryVatRatePercent(entry.category, year) ?? 0;
    byRate.set(rate, (byRate.get(rate) ?? 0) + entry.netCents);
  }
  return [...byRate.entries()].map(([ratePercent, netCents]) => ({ ratePercent, netCents })).sort((a, b) => b.ratePercent - a.ratePercent);
}

/** The ids of the invoices buildDashboard names (by number and customer) for these options. */
export function invoicesNamedBy(options: Omit<BuildDashboardOptions, "invoices">): Set<string> {
  const named = new Set<string>();
  buildDashboard({ ...options, invoices: { get: (id) => void named.add(id) } });
  return named;
}

export function buildDashboard(options: BuildDashboardOptions): DashboardData {
  const { output, year, invoices, input } = options;
  const listed = options.listed ?? { why: LISTED_INVOICES, remediation: LISTED_INVOICES };
  const isCurrentYear = Number(output.asOf.slice(0, 4)) === year && output.asOf < `${year}-12-31`;
  const yearExplanation = output.explanations?.years[String(year)];
  const korCrossing = output.kor.crossings.find((c) => c.year === year);
  const remediation = output.kor.remediation;
  const remediationLines = remediation?.lines.filter((line) => line.date.startsWith(String(year))) ?? [];
  // VAT stays due after a crossing while in the KOR, also in later years: the selected
  // year's invoices without VAT are remedied against the last such crossing up to then.
  const remediationCrossing = output.kor.crossings.filter((c) => c.whileParticipating && c.year <= year).sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  const asOfYear = Number(output.asOf.slice(0, 4));
  // Last year is always selectable: it decides this year's eligibility, even when empty.
  const years = new Set([...Object.keys(output.years).map(Number), asOfYear, asOfYear - 1, year]);
  return {
    businessId: options.businessId,
    year,
    asOf: output.asOf,
    isCurrentYear,
    years: [...years].sort((a, b) => b - a),
    empty: input.transactions.length === 0,
    progress: buildProgress(options, isCurrentYear),
    crossing: korCrossing
      ? {
          ...ruleInfo(korCrossing),
          date: korCrossing.date,
          invoice: refOf(invoices, korCrossing.transactionId),
          whileParticipating: korCrossing.whileParticipating,
          runningTotalBeforeCents: korCrossing.runningTotalBeforeCents,
          runningTotalAfterCents: korCrossing.runningTotalAfterCents,
          atRisk: korCrossing.atRisk.map((id) => refOf(invoices, id)),
        }
      : null,
    cumulative: buildCumulative(options, isCurrentYear),
    monthly: buildMonthly(yearExplanation?.kor),
    eu: buildEu(options),
    actions: buildActions(options, isCurrentYear),
    // The engine's remediation runs from the crossing on, later years included; this year's part here.
    remediation:
      remediation && remediationCrossing && remediationLines.length > 0
        ? {
            ...ruleInfo(remediation),
            crossing: { year: remediationCrossing.year, date: remediationCrossing.date, invoice: refOf(invoices, remediationCrossing.transactionId) },
            reinvoiceVatCents: remediationLines.reduce((sum, line) => sum + line.reinvoiceVatCents, 0),
            absorbedVatCents: remediationLines.reduce((sum, line) => sum + line.absorbedVatCents, 0),
            netCents: remediationLines.reduce((sum, line) => sum + line.netCents, 0),
            lineCount: remediationLines.length,
            lines: remediationLines.slice(0, listed.remediation).map((line) => ({
              invoice: refOf(invoices, line.transactionId),
              date: line.date,
              netCents: line.netCents,
              ratePercent: line.ratePercent,
              reinvoiceVatCents: line.reinvoiceVatCents,
              absorbedVatCents: line.absorbedVatCents,
            })),
          }
        : null,
    deadlines: buildDeadlines(output),
    earliestRejoin: output.kor.earliestRejoin,
    participation: buildParticipation(options),
    periodEndings: output.kor.crossings
      .filter((c) => c.whileParticipating)
      .flatMap((c) => {
        const period = (input.business.korParticipations ?? []).find((p) => p.from <= c.date && (p.to === undefined || c.date <= p.to));
        return period ? [{ periodFrom: period.from, endedOn: c.date }] : [];
      }),
    why: {
      kor: explainFigure(yearExplanation?.kor ?? emptyTotal("kor.limit"), invoices, listed.why),
      union: explainFigure(yearExplanation?.union ?? emptyTotal("union.limit"), invoices, listed.why),
    },
    comparison: {
      countedCents: yearExplanation?.kor.totalCents ?? 0,
      salesByRate: salesByRateOf(yearExplanation?.kor, year),
      // Not an option this year once over the limit or inside an exclusion window.
      korAvailable: output.kor.eligibility[String(year)] ?? (output.years[String(year)]?.korTurnoverCents ?? 0) <= rulesFor(year).korLimitCents,
      // Purchases and the saved answer are read beside the engine (get-dashboard.ts).
      inputVatCents: 0,
      purchaseCount: 0,
      saved: null,
    },
  };
}

// Shapes one engine evaluation (with explanations) into the dashboard of one business
// and year, one builder per card in cards/ (as components/dashboard/ has one component
// per card): progress against the KOR limit, the cumulative and monthly series, the EU
// figures, actions with deadlines, remediation and the "why?" lists. Pure: no I/O, no
// clock — "today" is the evaluation's asOf.
import type { DashboardData } from "./dashboard.types";
import { buildActions } from "./cards/actions";
import { LISTED_INVOICES, type BuildDashboardOptions } from "./cards/card-options";
import { buildCumulative } from "./cards/cumulative";
import { buildDeadlines } from "./cards/deadlines";
import { buildEu } from "./cards/eu-section";
import { buildComparison } from "./cards/kor-comparison";
import { buildMonthly } from "./cards/monthly";
import { buildCrossing } from "./cards/crossing";
import { buildParticipation, buildPeriodEndings } from "./cards/participation";
import { buildRemediation } from "./cards/remediation";
import { buildProgress } from "./cards/progress";
import { buildWhy } from "./cards/why";

export { LISTED_INVOICES, type BuildDashboardOptions, type InvoiceNames, type Listed } from "./cards/card-options";

/** The ids of the invoices buildDashboard names (by number and customer) for these options. */
export function invoicesNamedBy(options: Omit<BuildDashboardOptions, "invoices">): Set<string> {
  const named = new Set<string>();
  buildDashboard({ ...options, invoices: { get: (id) => void named.add(id) } });
  return named;
}

export function buildDashboard(options: BuildDashboardOptions): DashboardData {
  const { output, year, input } = options;
  const listed = options.listed ?? { why: LISTED_INVOICES, remediation: LISTED_INVOICES };
  const isCurrentYear = Number(output.asOf.slice(0, 4)) === year && output.asOf < `${year}-12-31`;
  const yearExplanation = output.explanations?.years[String(year)];
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
    crossing: buildCrossing(options),
    cumulative: buildCumulative(options, isCurrentYear),
    monthly: buildMonthly(yearExplanation?.kor),
    eu: buildEu(options),
    actions: buildActions(options, isCurrentYear),
    remediation: buildRemediation(options, listed.remediation),
    deadlines: buildDeadlines(output, options.done),
    earliestRejoin: output.kor.earliestRejoin,
    participation: buildParticipation(options),
    periodEndings: buildPeriodEndings(options),
    why: buildWhy(options, listed.why),
    comparison: buildComparison(options),
  };
}

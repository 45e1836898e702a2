// The EU section: union turnover against the EU-KOR limit, distance sales, and each
// member state against its threshold, riskiest first.
import { rulesFor } from "@/lib/kor";
import type { EuSection, MemberStateRow } from "../dashboard.types";
import { percentOf, refOf, ruleInfo, type BuildDashboardOptions } from "./card-options";

export function sortMemberStatesByRisk(rows: MemberStateRow[]): MemberStateRow[] {
  return [...rows].sort((a, b) => {
    if (a.percent === null && b.percent !== null) return 1;
    if (b.percent === null && a.percent !== null) return -1;
    return (b.percent ?? 0) - (a.percent ?? 0) || b.turnoverCents - a.turnoverCents || a.state.localeCompare(b.state);
  });
}

export function buildEu(options: BuildDashboardOptions): EuSection | null {
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
    crossing: crossing
      ? { ...ruleInfo(crossing), date: crossing.date, invoice: refOf(invoices, crossing.transactionId), notifyBy: crossing.notifyBy }
      : null,
    memberStates: sortMemberStatesByRisk(rows),
  };
}

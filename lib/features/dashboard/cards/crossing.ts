// The crossing panel: the invoice with which this year's counted turnover crossed the KOR
// limit, the totals before and after, and the invoices of that day whose order is open.
import type { CrossingInfo } from "../dashboard.types";
import { refOf, ruleInfo, type BuildDashboardOptions } from "./card-options";

export function buildCrossing(options: BuildDashboardOptions): CrossingInfo | null {
  const { output, year, invoices } = options;
  const korCrossing = output.kor.crossings.find((c) => c.year === year);
  return korCrossing
    ? {
        ...ruleInfo(korCrossing),
        date: korCrossing.date,
        invoice: refOf(invoices, korCrossing.transactionId),
        whileParticipating: korCrossing.whileParticipating,
        runningTotalBeforeCents: korCrossing.runningTotalBeforeCents,
        runningTotalAfterCents: korCrossing.runningTotalAfterCents,
        atRisk: korCrossing.atRisk.map((id) => refOf(invoices, id)),
      }
    : null;
}

// The KOR comparison form's figures: counted sales by the Dutch VAT rate they would carry,
// and whether the KOR is an option this year.
import { categoryVatRatePercent, type ExplainedTotal, rulesFor } from "@/lib/kor";
import type { DashboardData, SalesAtRate } from "../dashboard.types";
import type { BuildDashboardOptions } from "./card-options";

/** Counted sales grouped by the Dutch VAT rate they would carry outside the KOR. */
export function salesByRateOf(total: ExplainedTotal | undefined, year: number): SalesAtRate[] {
  const byRate = new Map<number, number>();
  for (const entry of total?.counted ?? []) {
    const rate = categoryVatRatePercent(entry.category, year) ?? 0;
    byRate.set(rate, (byRate.get(rate) ?? 0) + entry.netCents);
  }
  return [...byRate.entries()].map(([ratePercent, netCents]) => ({ ratePercent, netCents })).sort((a, b) => b.ratePercent - a.ratePercent);
}

export function buildComparison(options: BuildDashboardOptions): DashboardData["comparison"] {
  const { output, year } = options;
  const yearExplanation = output.explanations?.years[String(year)];
  return {
    countedCents: yearExplanation?.kor.totalCents ?? 0,
    salesByRate: salesByRateOf(yearExplanation?.kor, year),
    // Not an option this year once over the limit or inside an exclusion window.
    korAvailable:
      output.kor.eligibility[String(year)] ?? (output.years[String(year)]?.korTurnoverCents ?? 0) <= rulesFor(year).korLimitCents,
    // Purchases and the saved answer are read beside the engine (get-dashboard.ts).
    inputVatCents: 0,
    purchaseCount: 0,
    saved: null,
  };
}

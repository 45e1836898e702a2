// The "why?" panel: each figure's counted and not counted invoices, summed, grouped by
// category and reason, the latest listed.
import type { ExplainedTotal } from "@/lib/kor";
import type { DashboardData, ExplainedFigure, ExplainedGroup, ExplainedList } from "../dashboard.types";
import { refOf, ruleInfo, type BuildDashboardOptions, type InvoiceNames } from "./card-options";

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
  return {
    ...ruleInfo(total),
    totalCents: total.totalCents,
    counted: explainList(total.counted, invoices, listed),
    notCounted: explainList(total.notCounted, invoices, listed),
  };
}

export function buildWhy(options: BuildDashboardOptions, listed: number): DashboardData["why"] {
  const yearExplanation = options.output.explanations?.years[String(options.year)];
  return {
    kor: explainFigure(yearExplanation?.kor ?? emptyTotal("kor.limit"), options.invoices, listed),
    union: explainFigure(yearExplanation?.union ?? emptyTotal("union.limit"), options.invoices, listed),
  };
}

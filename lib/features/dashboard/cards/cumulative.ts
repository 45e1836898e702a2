// The cumulative chart: the year's running total by day, last year's beside it, the
// projection to 31 December with its band, and the crossing.
import { rulesFor, type ExplainedTotal } from "@/lib/kor";
import type { CumulativePoint, CumulativeSeries } from "../dashboard.types";
import { dateOfDay, dayOfYear, daysInYear } from "../dates";
import { refOf, ruleInfo, type BuildDashboardOptions } from "./card-options";

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
      ? {
          day: dayOfYear(crossing.date),
          cents: crossing.runningTotalAfterCents,
          invoiceNumber: refOf(invoices, crossing.transactionId).number,
          date: crossing.date,
        }
      : null,
  };
}

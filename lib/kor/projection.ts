// The projection of the asOf year's total and of the date it would cross a limit — an
// estimate, not a rule (rule "projection", C). Basis "pace": the counted turnover so far
// divided by the days seen, carried to 31 December. Basis "seasonal", once the business
// has a year of history: this year's turnover against the same stretch of last year,
// applied to the rest of last year, so a business with a busy December is warned early.
// The low/high range is a central interval from the month-to-month variation seen so far.

import { civilOf as civil, dayNumberOf, fromDayNumber, sameDayInYear, toDayNumber } from "./dates";
import type { Series } from "./ledger";
import { withRule, type RuleSet } from "./rules";
import type { ISODate, MeasureProjection, ProjectionBasis, RuleRef } from "./types";

export type ProjectionParams = {
  measure: "kor" | "union";
  year: number;
  asOf: ISODate;
  limitCents: number;
  current: Series;
  previous: Series;
  /** First day the business is known to be active: startedOn, else its first transaction. */
  historyStart: ISODate | null;
  startedOn: ISODate | null;
  /** The real crossing of this year, if any (possibly dated after asOf). */
  actualCrossingDate: ISODate | null;
  rules: RuleSet["projection"];
};

type Spread = { expectedRemainder: number; sdRemainder: number };

/**
 * Month-to-month spread of the pace. The remainder's uncertainty combines the months
 * still to come (r) and how little the past months (n) say about the mean:
 * sd = σ·√(r + r²/n), σ being the monthly standard deviation.
 */
function paceSpread(
  series: Series,
  from: number,
  asOf: number,
  remainingDays: number,
  toDate: number,
  rules: RuleSet["projection"],
): Spread {
  const observedDays = asOf - from + 1;
  const dailyMean = Math.max(0, toDate) / observedDays;
  const expectedRemainder = dailyMean * remainingDays;
  if (remainingDays <= 0 || dailyMean === 0) return { expectedRemainder, sdRemainder: 0 };

  // Calendar-month buckets over the observed stretch, each as a daily rate weighted by its
  // days seen. The series is in date order, so one pointer walks it through the months.
  const { year, month: firstMonth } = civil(from);
  const lastMonth = civil(asOf).month;
  const bucketDays: number[] = [];
  const bucketCents: number[] = [];
  let i = 0;
  while (i < series.days.length && series.days[i]! < from) i++;
  for (let m = firstMonth; m <= lastMonth; m++) {
    const start = Math.max(from, dayNumberOf(year, m, 1));
    const end = Math.min(asOf, m === 12 ? dayNumberOf(year, 12, 31) : dayNumberOf(year, m + 1, 1) - 1);
    let cents = 0;
    while (i < series.days.length && series.days[i]! <= end) cents += series.cents[i++]!;
    bucketDays.push(end - start + 1);
    bucketCents.push(cents);
  }
  const monthly = 30 * dailyMean;
  let cv = rules.defaultMonthlyCv;
  const months = bucketDays.length;
  if (months >= 2) {
    let weighted = 0;
    let weights = 0;
    for (let b = 0; b < months; b++) {
      const days = bucketDays[b]!;
      const rate = bucketCents[b]! / days;
      weighted += days * (rate - dailyMean) ** 2;
      weights += days;
    }
    const variance = (weighted / weights) * (months / (months - 1));
    cv = Math.max(rules.minMonthlyCv, (30 * Math.sqrt(variance)) / monthly);
  }
  const monthsAhead = remainingDays / 30;
  const monthsSeen = observedDays / 30;
  const sdRemainder = cv * monthly * Math.sqrt(monthsAhead + (monthsAhead * monthsAhead) / monthsSeen);
  return { expectedRemainder, sdRemainder };
}

function sum(series: Series, from: number, to: number): number {
  let total = 0;
  for (let i = 0; i < series.days.length; i++) {
    const day = series.days[i]!;
    if (day >= from && day <= to) total += series.cents[i]!;
  }
  return total;
}

/** First day on which toDate + daily × k exceeds the limit; null when not by 31 December. */
function paceCrossing(asOf: number, yearEnd: number, toDate: number, remainder: number, limit: number): number | null {
  const remainingDays = yearEnd - asOf;
  if (remainingDays <= 0 || remainder <= 0) return null;
  const daily = remainder / remainingDays;
  const k = Math.floor((limit - toDate) / daily) + 1;
  return k <= remainingDays ? asOf + k : null;
}

/** Walks last year's turnover after the same date, scaled, until the limit is exceeded. */
function seasonalCrossing(previous: Series, prevAsOf: number, year: number, toDate: number, scale: number, limit: number): number | null {
  if (scale <= 0) return null;
  let cumulative = toDate;
  for (let i = 0; i < previous.days.length; i++) {
    const day = previous.days[i]!;
    if (day <= prevAsOf) continue;
    cumulative += previous.cents[i]! * scale;
    if (cumulative > limit) return toDayNumber(sameDayInYear(fromDayNumber(day), year));
  }
  return null;
}

type ProjectionFigures = Omit<MeasureProjection, keyof RuleRef | "measure" | "limitCents" | "interval">;

function projection(p: ProjectionParams, figures: ProjectionFigures): MeasureProjection {
  return withRule(p.measure === "kor" ? "projection" : "projection.union", {
    measure: p.measure,
    limitCents: p.limitCents,
    basis: figures.basis,
    observedFrom: figures.observedFrom,
    observedDays: figures.observedDays,
    toDateCents: figures.toDateCents,
    expectedTotalCents: figures.expectedTotalCents,
    lowTotalCents: figures.lowTotalCents,
    highTotalCents: figures.highTotalCents,
    interval: p.rules.interval,
    expectedCrossingDate: figures.expectedCrossingDate,
    earliestCrossingDate: figures.earliestCrossingDate,
    latestCrossingDate: figures.latestCrossingDate,
    alreadyCrossed: figures.alreadyCrossed,
    sufficientData: figures.sufficientData,
  });
}

export function projectYear(p: ProjectionParams): MeasureProjection {
  const yearStart = dayNumberOf(p.year, 1, 1);
  const yearEnd = dayNumberOf(p.year, 12, 31);
  const asOf = toDayNumber(p.asOf);
  const started = p.startedOn !== null && p.startedOn.slice(0, 4) === String(p.year) ? toDayNumber(p.startedOn) : yearStart;
  const from = Math.max(yearStart, started);
  const knownTotal = sum(p.current, yearStart, yearEnd);
  const alreadyCrossed = p.actualCrossingDate !== null;
  if (asOf < from || asOf > yearEnd) {
    return projection(p, {
      basis: "none",
      observedFrom: null,
      observedDays: 0,
      toDateCents: 0,
      expectedTotalCents: knownTotal,
      lowTotalCents: knownTotal,
      highTotalCents: knownTotal,
      expectedCrossingDate: p.actualCrossingDate,
      earliestCrossingDate: p.actualCrossingDate,
      latestCrossingDate: p.actualCrossingDate,
      alreadyCrossed,
      sufficientData: false,
    });
  }

  const observedDays = asOf - from + 1;
  const remainingDays = yearEnd - asOf;
  const toDate = sum(p.current, from, asOf);
  const spread = paceSpread(p.current, from, asOf, remainingDays, toDate, p.rules);
  let basis: ProjectionBasis = "pace";
  let remainder = spread.expectedRemainder;
  let sd = spread.sdRemainder;
  let seasonal: { prevAsOf: number; growth: number } | null = null;

  // Seasonality needs last year's same stretch to have been observed as well.
  if (p.historyStart !== null && observedDays >= p.rules.seasonalMinWindowDays && p.previous.days.length > 0) {
    const prevFrom = toDayNumber(sameDayInYear(fromDayNumber(from), p.year - 1));
    const prevAsOf = toDayNumber(sameDayInYear(p.asOf, p.year - 1));
    if (toDayNumber(p.historyStart) <= prevFrom) {
      const prevToDate = sum(p.previous, prevFrom, prevAsOf);
      if (prevToDate > 0) {
        const growth = Math.max(0, toDate) / prevToDate;
        const prevRest = sum(p.previous, prevAsOf + 1, dayNumberOf(p.year - 1, 12, 31));
        const seasonalRemainder = Math.max(0, growth * prevRest);
        const relative = spread.expectedRemainder > 0 ? spread.sdRemainder / spread.expectedRemainder : p.rules.defaultMonthlyCv;
        basis = "seasonal";
        remainder = seasonalRemainder;
        sd = relative * seasonalRemainder;
        seasonal = { prevAsOf, growth };
      }
    }
  }

  const z = p.rules.intervalZ;
  const future = knownTotal - toDate;
  const expected = Math.round(Math.max(toDate + remainder, toDate + future));
  const low = Math.round(Math.max(toDate + Math.max(0, remainder - z * sd), toDate + future));
  const high = Math.round(Math.max(toDate + remainder + z * sd, toDate + future));

  let expectedCrossing: number | null = null;
  let earliest: number | null = null;
  let latest: number | null = null;
  if (!alreadyCrossed) {
    if (seasonal && remainder > 0) {
      const lowScale = (low - toDate) / remainder;
      const highScale = (high - toDate) / remainder;
      expectedCrossing = seasonalCrossing(p.previous, seasonal.prevAsOf, p.year, toDate, seasonal.growth, p.limitCents);
      earliest = seasonalCrossing(p.previous, seasonal.prevAsOf, p.year, toDate, seasonal.growth * highScale, p.limitCents);
      latest = seasonalCrossing(p.previous, seasonal.prevAsOf, p.year, toDate, seasonal.growth * lowScale, p.limitCents);
    } else if (!seasonal) {
      expectedCrossing = paceCrossing(asOf, yearEnd, toDate, remainder, p.limitCents);
      earliest = paceCrossing(asOf, yearEnd, toDate, high - toDate, p.limitCents);
      latest = paceCrossing(asOf, yearEnd, toDate, low - toDate, p.limitCents);
    }
  }
  const date = (d: number | null): ISODate | null => (d === null ? null : fromDayNumber(d));
  return projection(p, {
    basis,
    observedFrom: fromDayNumber(from),
    observedDays,
    toDateCents: toDate,
    expectedTotalCents: expected,
    lowTotalCents: low,
    highTotalCents: high,
    expectedCrossingDate: p.actualCrossingDate ?? date(expectedCrossing),
    earliestCrossingDate: p.actualCrossingDate ?? date(earliest),
    latestCrossingDate: p.actualCrossingDate ?? date(latest),
    alreadyCrossed,
    sufficientData: observedDays >= p.rules.minObservedDays && toDate > 0,
  });
}

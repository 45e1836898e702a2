// KOR participation over time (§3.2, §3.4): the periods of the input cut short by a
// crossing, the days a business left, the exclusion window after each leaving and the
// earliest rejoin date.

import { dayAfter, earliestRejoinDate, exclusionEndDate } from "./deadlines";
import { yearOf } from "./dates";
import { txAt, type Ledger } from "./ledger";
import type { ISODate } from "./types";

export type Leaving = {
  /** First day outside the KOR: the day after `to`, or the crossing date. */
  leftOn: ISODate;
  reason: "deregistered" | "crossing";
  periodIndex: number;
  transactionId?: string;
};

export type ExclusionWindow = { from: ISODate; to: ISODate; leaving: Leaving };

/** Every leaving, in date order. A crossing inside a period ends it there, whatever its `to` says. */
export function leavingsOf(ledger: Ledger): Leaving[] {
  const out: Leaving[] = [];
  ledger.periods.forEach((period, periodIndex) => {
    if (period.crossingPos >= 0) {
      const tx = txAt(ledger, period.crossingPos);
      out.push({ leftOn: tx.date, reason: "crossing", periodIndex, transactionId: tx.id });
    } else if (period.to !== null) {
      out.push({ leftOn: dayAfter(period.to), reason: "deregistered", periodIndex });
    }
  });
  return out.sort((a, b) => (a.leftOn < b.leftOn ? -1 : a.leftOn > b.leftOn ? 1 : 0));
}

export function exclusionWindowsOf(leavings: readonly Leaving[]): ExclusionWindow[] {
  return leavings.map((leaving) => ({ from: leaving.leftOn, to: exclusionEndDate(leaving.leftOn), leaving }));
}

/** Whether any exclusion window covers part of calendar year `year`. */
export function excludedInYear(windows: readonly ExclusionWindow[], year: number): ExclusionWindow | null {
  for (const w of windows) if (yearOf(w.from) <= year && year <= yearOf(w.to)) return w;
  return null;
}

/**
 * The latest leaving decides; null when the business never left, or when a later period
 * shows it rejoined.
 */
export function currentExclusion(ledger: Ledger, windows: readonly ExclusionWindow[]): ExclusionWindow | null {
  const last = windows[windows.length - 1];
  if (!last) return null;
  const rejoined = ledger.periods.some((p) => p.from >= last.from);
  return rejoined ? null : last;
}

export function earliestRejoinOf(exclusion: ExclusionWindow | null): ISODate | null {
  return exclusion ? earliestRejoinDate(exclusion.from) : null;
}

/** Inside the KOR on `date`: within a period, and before the crossing that ended it. */
export function participatingOn(ledger: Ledger, date: ISODate): boolean {
  for (const period of ledger.periods) {
    if (period.from > date) continue;
    if (period.to !== null && period.to < date) continue;
    if (period.crossingPos >= 0 && txAt(ledger, period.crossingPos).date <= date) return false;
    return true;
  }
  return false;
}

/** Periods that start inside the exclusion window of an earlier leaving: inconsistent with §3.4. */
export function periodsStartingInExclusion(
  ledger: Ledger,
  windows: readonly ExclusionWindow[],
): { periodIndex: number; window: ExclusionWindow }[] {
  const out: { periodIndex: number; window: ExclusionWindow }[] = [];
  ledger.periods.forEach((period, periodIndex) => {
    const window = windows.find((w) => w.from <= period.from && period.from <= w.to && w.leaving.periodIndex !== periodIndex);
    if (window) out.push({ periodIndex, window });
  });
  return out;
}

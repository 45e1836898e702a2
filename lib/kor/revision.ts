// Btw-herziening (revision of input VAT on investment goods) when joining or leaving the
// KOR, docs/domain/KOR-RULES.md §3.6: one amount per year from the event year to the end of the
// revision period; positive is a claim for the business, negative a repayment.

import { roundHalfAwayFromZero } from "./money";
import { rulesFor } from "./rules";
import type { Cents, RevisionQuery } from "./types";

export type RevisionParams = Omit<RevisionQuery, "id" | "type">;

export type RevisionYear = {
  year: number;
  amountCents: Cents;
  /** Why the amount is zero, when it is. */
  skipped?: "outsidePeriod" | "smallShareChange" | "korBelowMinimum";
};

/**
 * Per remaining year: (original VAT / period) × (deductible share now − at purchase).
 * Nothing when the share changes by at most 10 percentage points. Because every query
 * is about joining or leaving the KOR, a year's amount below €500 is also nothing when
 * the goods were first used in an earlier year than that year.
 */
export function revisionSchedule(params: RevisionParams): RevisionYear[] {
  const rules = rulesFor(params.eventYear).revision;
  const periodYears = params.kind === "immovable" ? rules.immovableYears : rules.movableYears;
  const lastYear = params.firstUseYear + periodYears - 1;
  // Shares are fractions like 0.3: round the difference so 0.4 − 0.3 is not 0.10000000000000003.
  const shareDifference = Math.round((params.deductibleAfter - params.deductibleBefore) * 1e9) / 1e9;
  const smallChange = Math.abs(shareDifference) <= rules.maxIgnoredShareDifference;
  const out: RevisionYear[] = [];
  for (let year = params.eventYear; year <= lastYear; year++) {
    if (year < params.firstUseYear) {
      out.push({ year, amountCents: 0, skipped: "outsidePeriod" });
      continue;
    }
    if (smallChange) {
      out.push({ year, amountCents: 0, skipped: "smallShareChange" });
      continue;
    }
    const amount = roundHalfAwayFromZero((params.vatCents * shareDifference) / periodYears);
    if (Math.abs(amount) < rules.korMinimumYearlyCents && params.firstUseYear < year) {
      out.push({ year, amountCents: 0, skipped: "korBelowMinimum" });
      continue;
    }
    out.push({ year, amountCents: amount });
  }
  return out;
}

export function revisionAmounts(params: RevisionParams): Cents[] {
  return revisionSchedule(params).map((entry) => entry.amountCents);
}

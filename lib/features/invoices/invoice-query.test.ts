// The list's "counted" filter follows the rule table: ancillary exempt transactions are
// left out only in the years whose rules exclude them.
import { describe, expect, it } from "vitest";
import { RULE_TABLE, type RuleSet } from "@/lib/kor";
import { ancillaryExcludedRanges } from "@/lib/features/invoices/invoice-query";

const entry = (fromYear: number, ancillaryExemptExcluded: boolean): RuleSet => ({ ...RULE_TABLE[0]!, fromYear, ancillaryExemptExcluded });

describe("ancillaryExcludedRanges", () => {
  it("covers every year when every entry excludes them (today's table)", () => {
    expect(ancillaryExcludedRanges()).toEqual([{}]);
  });

  it("limits the exclusion to the years of the entries that exclude, merging neighbours", () => {
    const table = [entry(2020, true), entry(2021, true), entry(2025, false), entry(2027, true)];
    expect(ancillaryExcludedRanges(table)).toEqual([{ to: 2025 }, { from: 2027 }]);
  });

  it("excludes nothing when no entry excludes", () => {
    expect(ancillaryExcludedRanges([entry(2020, false), entry(2025, false)])).toEqual([]);
  });
});

// The EU-KOR quarterly report's figures (docs/domain/KOR-RULES.md §4: "the total value of supplies per
// member state (NL too, and '0' where none), in euro, due within one month after the
// quarter: Q1 → 30 April, Q2 → 31 July, Q3 → 31 October, Q4 → 31 January"), from the
// engine's evaluation of a business with sales in three member states.
import { describe, expect, it } from "vitest";
import { evaluate, EU_MEMBER_STATES } from "@/lib/kor";
import { input, tx } from "@/lib/kor/test-helpers";
import { buildQuarterlyReports } from "./build-quarterly-report";

describe("buildQuarterlyReports", () => {
  const engineInput = input("2026-12-31", [
    tx("nl1", "2026-01-15", 100_000),
    tx("de1", "2026-02-10", 40_000, { category: "EU_LOCAL", country: "DE" }),
    tx("be1", "2026-03-31", 25_050, { category: "EU_B2C_FOREIGN_VAT", country: "BE" }),
    tx("de2", "2026-04-01", 10_000, { category: "EU_LOCAL", country: "DE" }),
    tx("de3", "2026-05-01", -2_500, { category: "EU_LOCAL", country: "DE" }),
    // An export outside the EU counts for the Union total, as NL's supply (docs/domain/KOR-RULES.md §2's table: EXPORT_NON_EU … yes | yes | NL).
    tx("x1", "2026-08-01", 70_000, { category: "EXPORT_NON_EU" }),
    tx("nl2", "2026-11-30", 33_300),
    tx("old", "2025-12-31", 99_999),
  ]);
  const output = evaluate(engineInput, { explain: true });
  const reports = buildQuarterlyReports({ year: 2026, input: engineInput, output });
  const figures = (quarter: number) =>
    Object.fromEntries(
      reports.quarters[quarter - 1]!.lines.filter((line) => line.netCents !== 0).map((line) => [line.state, line.netCents]),
    );

  it("lists every member state in every quarter, NL first, 0 where there were no supplies", () => {
    for (const quarter of reports.quarters) {
      expect(quarter.lines.map((line) => line.state)).toEqual(["NL", ...EU_MEMBER_STATES.filter((state) => state !== "NL")]);
      expect(quarter.lines).toHaveLength(27);
    }
    expect(reports.quarters[2]!.lines.filter((line) => line.state !== "NL").every((line) => line.netCents === 0)).toBe(true);
  });

  it("sums each state's supplies per quarter, credit notes netted, the previous year left out", () => {
    expect(figures(1)).toEqual({ NL: 100_000, DE: 40_000, BE: 25_050 });
    expect(figures(2)).toEqual({ DE: 7_500 });
    expect(figures(3)).toEqual({ NL: 70_000 });
    expect(figures(4)).toEqual({ NL: 33_300 });
    expect(reports.quarters.map((q) => q.totalCents)).toEqual([165_050, 7_500, 70_000, 33_300]);
    // The four quarters add up to the engine's Union turnover of the year.
    expect(reports.quarters.reduce((sum, q) => sum + q.totalCents, 0)).toBe(output.years["2026"]!.unionTurnoverCents);
  });

  it("names each report's due date and the rule", () => {
    expect(reports.quarters.map((q) => [q.quarter, q.dueDate])).toEqual([
      ["2026-Q1", "2026-04-30"],
      ["2026-Q2", "2026-07-31"],
      ["2026-Q3", "2026-10-31"],
      ["2026-Q4", "2027-01-31"],
    ]);
    expect(reports.rule).toBe("§4");
  });
});

// The 15-working-day notice after crossing the EU-KOR's €100,000, from KOR-RULES.md §4:
// "Inform the Belastingdienst within 15 working days (Monday–Friday, skipping New Year's
// Day, Good Friday (C), Easter Monday, King's Day, 5 May, Ascension Day, Whit Monday,
// Christmas Day and Boxing Day …; day 1 is the first working day after the crossing),
// reporting the supplies from the start of the quarter up to the crossing. Crossing on
// Thursday 10 September 2026 → inform by 1 October 2026."
import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/kor";
import { input, nlBusiness, tx } from "@/lib/kor/test-helpers";
import { buildCrossingNotices } from "./build-crossing-notice";
import { buildQuarterlyReports } from "./build-quarterly-report";

const business = nlBusiness({ euKor: { memberStates: ["DE", "BE"] } });
const nonZero = (lines: { state: string; netCents: number }[]) =>
  Object.fromEntries(lines.filter((l) => l.netCents !== 0).map((l) => [l.state, l.netCents]));

describe("buildCrossingNotices", () => {
  it("reports the supplies per state from the quarter's start up to and including the crossing, due 15 working days later (§4's example)", () => {
    const engineInput = input(
      "2026-12-31",
      [
        tx("h1", "2026-02-10", 9_000_000), // €90,000 in Q1: not in the notice (another quarter)
        tx("nl", "2026-07-01", 300_000),
        tx("de", "2026-08-01", 500_000, { category: "EU_LOCAL", country: "DE" }),
        // €98,000 before; this €5,000 takes the Union turnover to €103,000 on Thursday 10 September 2026.
        tx("be", "2026-09-10", 500_000, { category: "EU_B2C_FOREIGN_VAT", country: "BE" }),
        tx("later", "2026-09-20", 700_000, { category: "EU_LOCAL", country: "DE" }), // after the crossing: not reported
      ],
      business,
    );
    const [notice, ...rest] = buildCrossingNotices({ year: 2026, output: evaluate(engineInput) });
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({
      crossedOn: "2026-09-10",
      transactionId: "be",
      unionTotalCents: 10_300_000,
      notifyBy: "2026-10-01",
      workingDays: 15,
      holidaysSkipped: [],
      periodFrom: "2026-07-01",
      totalCents: 1_300_000,
      ruleId: "euKor.notification",
    });
    expect(nonZero(notice!.lines)).toEqual({ NL: 300_000, DE: 500_000, BE: 500_000 });
    expect(notice!.lines).toHaveLength(27);
    expect(notice!.lines[0]!.state).toBe("NL");
    // Another year has no notice.
    expect(buildCrossingNotices({ year: 2025, output: evaluate(engineInput) })).toEqual([]);
  });

  it("skips King's Day, 5 May and Ascension Day on the way (counted by hand: 22 April 2026 → 18 May 2026)", () => {
    // Day 1 Thu 23 April, 24, (Mon 27 King's Day), 28, 29, 30, Fri 1 May, Mon 4, (Tue 5 May), 6, 7, 8, 11, 12, 13, (Thu 14 Ascension), 15, Mon 18 = day 15.
    const engineInput = input(
      "2026-12-31",
      [tx("a", "2026-01-05", 9_990_000), tx("b", "2026-04-22", 20_000, { category: "EU_LOCAL", country: "DE" })],
      business,
    );
    const [notice] = buildCrossingNotices({ year: 2026, output: evaluate(engineInput) });
    expect(notice).toMatchObject({
      crossedOn: "2026-04-22",
      notifyBy: "2026-05-18",
      workingDays: 15,
      periodFrom: "2026-04-01",
      totalCents: 20_000,
    });
    expect(notice!.holidaysSkipped.map(({ date, id, name }) => [date, id, name.nl])).toEqual([
      ["2026-04-27", "kingsDay", "Koningsdag"],
      ["2026-05-05", "liberationDay", "5 mei"],
      ["2026-05-14", "ascension", "Hemelvaartsdag"],
    ]);
  });

  it("is part of the year's quarterly reports of an EU-KOR business", () => {
    const engineInput = input(
      "2026-12-31",
      [tx("a", "2026-01-05", 9_990_000), tx("b", "2026-04-22", 20_000, { category: "EU_LOCAL", country: "DE" })],
      business,
    );
    const reports = buildQuarterlyReports({ year: 2026, input: engineInput, output: evaluate(engineInput, { explain: true }) });
    expect(reports.notices.map((n) => n.notifyBy)).toEqual(["2026-05-18"]);
    // Without the EU-KOR there is nothing to notify (§4 is the EU-KOR user's duty).
    const withoutEuKor = { ...engineInput, business: nlBusiness() };
    expect(buildQuarterlyReports({ year: 2026, input: withoutEuKor, output: evaluate(withoutEuKor, { explain: true }) }).notices).toEqual(
      [],
    );
  });
});

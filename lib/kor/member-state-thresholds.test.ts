// Member-state thresholds per year: the ECB publication day whose rate converts a year's
// national-currency thresholds (KOR-RULES.md §2), the conversion in whole cents, the seed
// from the data file, and the engine reading a year's stored values (§1: "a year without
// its own entry uses the latest earlier one").
import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import {
  convertToEuroCents,
  ecbRateDateFor,
  isEcbRate,
  MEMBER_STATE_DATA,
  seedRows,
  SEEDED_YEARS,
  thresholdsByYear,
} from "./member-state-thresholds";
import { makeRuleLookup, rulesFor } from "./rules";
import { input, nlBusiness, tx } from "./test-helpers";

describe("ecbRateDateFor", () => {
  it("is the first Monday–Friday after 1 January (1 January is a TARGET closing day)", () => {
    expect(ecbRateDateFor(2025)).toBe("2025-01-02"); // Thursday
    expect(ecbRateDateFor(2026)).toBe("2026-01-02"); // Friday
    expect(ecbRateDateFor(2022)).toBe("2022-01-03"); // 1 January a Saturday → Monday 3 January
    expect(ecbRateDateFor(2028)).toBe("2028-01-03"); // 1 January a Saturday
    expect(ecbRateDateFor(2027)).toBe("2027-01-04"); // 1 January a Friday → Monday 4 January
  });
});

describe("convertToEuroCents", () => {
  it("divides by the ECB rate (units per euro) and rounds half away from zero to whole cents", () => {
    expect(convertToEuroCents(2_000_000, "25")).toBe(8_000_000);
    expect(convertToEuroCents(2_000_000, "25.000")).toBe(8_000_000);
    // 166,000 BGN at the fixed 1.95583: 84,874.452… euro.
    expect(convertToEuroCents(166_000, "1.95583")).toBe(8_487_445);
    // 1 unit at 3: 33.333… cents → 33; at 8: 12.5 cents → 13 (half away from zero).
    expect(convertToEuroCents(1, "3")).toBe(33);
    expect(convertToEuroCents(1, "8")).toBe(13);
  });

  it("refuses what is not an ECB rate", () => {
    for (const rate of ["0", "0.000000", "-1", "1e3", "1.1234567", "", "abc"]) expect(isEcbRate(rate), rate).toBe(false);
    expect(isEcbRate("411.35")).toBe(true);
    expect(() => convertToEuroCents(100, "0")).toThrow();
  });
});

describe("seedRows", () => {
  it("has every state of the data file for each seeded year, national amounts marked approximate until a rate is entered", () => {
    const rows = seedRows();
    expect(rows).toHaveLength(27 * SEEDED_YEARS.length);
    const cz = rows.find((r) => r.year === 2026 && r.state === "CZ")!;
    expect(cz).toMatchObject({
      available: true,
      thresholdCents: 7_950_000,
      localCurrency: "CZK",
      localAmount: 2_000_000,
      approximate: true,
      ecbRate: null,
    });
    expect(rows.find((r) => r.year === 2025 && r.state === "ES")).toMatchObject({ available: false, thresholdCents: null });
    expect(rows.find((r) => r.year === 2025 && r.state === "DE")).toMatchObject({
      thresholdCents: 2_500_000,
      currentYearCeilingCents: 10_000_000,
      approximate: false,
    });
    expect(Object.keys(MEMBER_STATE_DATA.states)).toHaveLength(27);
  });

  it("is the rule table's member-state thresholds of each seeded year", () => {
    const byYear = thresholdsByYear(seedRows());
    for (const year of SEEDED_YEARS) expect(rulesFor(year).memberStateThresholds).toEqual(byYear[String(year)]);
  });
});

describe("makeRuleLookup with stored thresholds per year", () => {
  const stored = thresholdsByYear([
    ...seedRows(),
    {
      year: 2027,
      state: "DE",
      available: true,
      thresholdCents: 5_000_000,
      currentYearCeilingCents: null,
      localCurrency: null,
      localAmount: null,
      localCeilingAmount: null,
      ecbRate: null,
      ecbRateDate: null,
      approximate: false,
      note: null,
    },
  ]);

  it("uses a year's stored values, the latest earlier stored year after it, and the rule table before the first", () => {
    const lookup = makeRuleLookup({
      memberStateThresholdsByYear: { "2026": { ...stored["2026"]!, DE: { thresholdCents: 3_000_000 } }, "2027": stored["2027"]! },
    });
    expect(lookup(2025).memberStateThresholds.DE).toEqual({ thresholdCents: 2_500_000, currentYearCeilingCents: 10_000_000 });
    expect(lookup(2026).memberStateThresholds.DE).toEqual({ thresholdCents: 3_000_000 });
    expect(lookup(2027).memberStateThresholds.DE).toEqual({ thresholdCents: 5_000_000 });
    expect(lookup(2030).memberStateThresholds.DE).toEqual({ thresholdCents: 5_000_000 });
    expect(lookup(2030).memberStateThresholds.FR).toEqual(rulesFor(2026).memberStateThresholds.FR);
  });

  it("changes the engine's member-state eligibility for that year only", () => {
    // €30,000 in DE in 2026: inside DE's seeded €25,000 / €100,000 ceiling for the current year;
    // a stored 2027 threshold of €25,000 without a ceiling makes 2027 (previous year €30,000) ineligible, 2026 not.
    const txs = [tx("d", "2026-03-01", 3_000_000, { category: "EU_LOCAL", country: "DE" })];
    const business = nlBusiness({ euKor: { memberStates: ["DE"] } });
    const plain = evaluate(input("2026-12-31", txs, business));
    expect(plain.euKor.eligibility["2027"]).toEqual({ DE: false });
    const lower = evaluate(
      input("2026-12-31", txs, business, { rules: { memberStateThresholdsByYear: { "2027": { DE: { thresholdCents: 4_000_000 } } } } }),
    );
    expect(lower.euKor.eligibility["2027"]).toEqual({ DE: true });
    expect(lower.euKor.eligibility["2026"]).toEqual(plain.euKor.eligibility["2026"]);
  });
});

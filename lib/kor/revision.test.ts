// Btw-herziening (§3.6): amounts per year and why a year gives nothing.

import { describe, expect, it } from "vitest";
import { revisionAmounts, revisionSchedule } from "./revision";

describe("revisionSchedule", () => {
  it("repays a fifth a year after joining (Belastingdienst's car example)", () => {
    expect(
      revisionSchedule({
        vatCents: 450_000,
        firstUseYear: 2020,
        kind: "movable",
        event: "join",
        eventYear: 2021,
        deductibleBefore: 1,
        deductibleAfter: 0,
      }),
    ).toEqual([
      { year: 2021, amountCents: -90_000 },
      { year: 2022, amountCents: -90_000 },
      { year: 2023, amountCents: -90_000 },
      { year: 2024, amountCents: -90_000 },
    ]);
  });

  it("says why a year gives nothing", () => {
    const laptop = revisionSchedule({
      vatCents: 42_000,
      firstUseYear: 2025,
      kind: "movable",
      event: "leave",
      eventYear: 2026,
      deductibleBefore: 0,
      deductibleAfter: 1,
    });
    expect(laptop.map((y) => y.skipped)).toEqual(["korBelowMinimum", "korBelowMinimum", "korBelowMinimum", "korBelowMinimum"]);
    const small = revisionSchedule({
      vatCents: 1_000_000,
      firstUseYear: 2025,
      kind: "movable",
      event: "leave",
      eventYear: 2026,
      deductibleBefore: 0.4,
      deductibleAfter: 0.5,
    });
    expect(small.every((y) => y.skipped === "smallShareChange")).toBe(true);
  });

  it("applies the €500 minimum only to goods first used in an earlier year", () => {
    // Bought and first used in the event year: that year is not covered by the KOR minimum.
    expect(
      revisionAmounts({
        vatCents: 100_000,
        firstUseYear: 2026,
        kind: "movable",
        event: "leave",
        eventYear: 2026,
        deductibleBefore: 0,
        deductibleAfter: 1,
      }),
    ).toEqual([20_000, 0, 0, 0, 0]);
  });

  it("rounds half away from zero per year", () => {
    // 12,345 × 1 / 10 = 1,234.5 → 1,235; and the repayment −1,235.
    expect(
      revisionAmounts({
        vatCents: 1_234_500 + 5,
        firstUseYear: 2026,
        kind: "immovable",
        event: "leave",
        eventYear: 2026,
        deductibleBefore: 0,
        deductibleAfter: 1,
      })[0],
    ).toBe(123_451);
    expect(
      revisionAmounts({
        vatCents: 1_234_505,
        firstUseYear: 2026,
        kind: "immovable",
        event: "join",
        eventYear: 2026,
        deductibleBefore: 1,
        deductibleAfter: 0,
      })[0],
    ).toBe(-123_451);
  });

  it("gives an empty list after the revision period", () => {
    expect(
      revisionAmounts({
        vatCents: 450_000,
        firstUseYear: 2015,
        kind: "movable",
        event: "join",
        eventYear: 2026,
        deductibleBefore: 1,
        deductibleAfter: 0,
      }),
    ).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import type { InvestmentGoodDto } from "./investment-good.types";
import { planYears, revisionPlans } from "./revision-plan";

const good = (id: string, vatCents: number, firstUseYear: number, kind: "MOVABLE" | "IMMOVABLE"): InvestmentGoodDto => ({
  id,
  description: id,
  vatCents,
  firstUseYear,
  kind,
  createdAt: "2026-01-01T00:00:00.000Z",
});

describe("revisionPlans", () => {
  const plans = revisionPlans([good("car", 450_000, 2020, "MOVABLE"), good("shed", 2_100_000, 2024, "IMMOVABLE")], planYears(2026));

  it("offers five years either side of the shown year", () => {
    expect(planYears(2026)).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031]);
    expect(Object.keys(plans.join).map(Number)).toEqual(planYears(2026));
  });

  it("repays €900 a year for the §3.6 car when joining in 2021, through 2024", () => {
    const car = plans.join[2021]!.find((g) => g.goodId === "car")!.schedule;
    expect(car.map((s) => [s.year, s.amountCents])).toEqual([
      [2021, -90_000],
      [2022, -90_000],
      [2023, -90_000],
      [2024, -90_000],
    ]);
  });

  it("gets VAT back when leaving, over the rest of an immovable good's ten years", () => {
    const shed = plans.leave[2027]!.find((g) => g.goodId === "shed")!.schedule;
    expect(shed[0]).toEqual({ year: 2027, amountCents: 210_000 });
    expect(shed.at(-1)?.year).toBe(2033);
    // The car's period (2020–2024) is over by 2027: nothing to revise.
    expect(plans.leave[2027]!.find((g) => g.goodId === "car")!.schedule).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { compareKor, parseEuroInput } from "./kor-comparison";

describe("compareKor", () => {
  it("a consumer business with few costs is better off inside the KOR", () => {
    // €18,150 of sales to consumers at 21%: outside, the same prices hold 21/121 VAT = €3,150.
    const result = compareKor({ salesByRate: [{ ratePercent: 21, netCents: 1_815_000 }], inputVatCents: 50_000, businessCustomerShare: 0 });
    expect(result.vatFromConsumerPricesCents).toBe(315_000);
    expect(result.vatPassedOnCents).toBe(0);
    expect(result.inputVatReclaimedCents).toBe(50_000);
    expect(result.outsideMinusInsideCents).toBe(-265_000);
    expect(result.verdict).toBe("inside");
  });

  it("a business selling only to businesses, with input VAT, is better off outside", () => {
    const result = compareKor({
      salesByRate: [{ ratePercent: 21, netCents: 1_000_000 }],
      inputVatCents: 120_000,
      businessCustomerShare: 1,
    });
    expect(result.vatPassedOnCents).toBe(210_000);
    expect(result.vatFromConsumerPricesCents).toBe(0);
    expect(result.outsideMinusInsideCents).toBe(120_000);
    expect(result.verdict).toBe("outside");
  });

  it("splits by customer share and rate, rounding per part", () => {
    const result = compareKor({
      salesByRate: [
        { ratePercent: 21, netCents: 1_000_000 },
        { ratePercent: 9, netCents: 109_000 },
        { ratePercent: 0, netCents: 500_000 },
      ],
      inputVatCents: 0,
      businessCustomerShare: 0.5,
    });
    // Business half: 21% of 5,000 + 9% of 545 = 1,050 + 49.05. Consumer half: 21/121 of 5,000 + 9/109 of 545.
    expect(result.vatPassedOnCents).toBe(105_000 + 4_905);
    expect(result.vatFromConsumerPricesCents).toBe(86_777 + 4_500);
    expect(result.verdict).toBe("inside");
  });

  it("is even when reclaimed VAT equals the VAT out of consumer prices, and clamps a wild share", () => {
    expect(
      compareKor({ salesByRate: [{ ratePercent: 21, netCents: 121_000 }], inputVatCents: 21_000, businessCustomerShare: 0 }).verdict,
    ).toBe("even");
    expect(
      compareKor({ salesByRate: [{ ratePercent: 21, netCents: 100_000 }], inputVatCents: 0, businessCustomerShare: 7 })
        .vatFromConsumerPricesCents,
    ).toBe(0);
    expect(
      compareKor({ salesByRate: [{ ratePercent: 21, netCents: 100_000 }], inputVatCents: -5, businessCustomerShare: Number.NaN })
        .inputVatReclaimedCents,
    ).toBe(0);
  });
});

describe("parseEuroInput", () => {
  it("reads Dutch and English amounts", () => {
    expect(parseEuroInput("1.234,56")).toBe(123_456);
    expect(parseEuroInput("1,234.56")).toBe(123_456);
    expect(parseEuroInput("€ 500")).toBe(50_000);
    expect(parseEuroInput("21,5")).toBe(2_150);
    expect(parseEuroInput("")).toBe(0);
    expect(parseEuroInput("abc")).toBeNull();
    expect(parseEuroInput("-5")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { parseAmountToCents, parseRate, splitAmount, vatRateFor } from "@/components/invoices/amount";

describe("parseAmountToCents", () => {
  it("reads Dutch and English notations", () => {
    expect(parseAmountToCents("1.234,56")).toBe(123_456);
    expect(parseAmountToCents("1,234.56")).toBe(123_456);
    expect(parseAmountToCents("1234,5")).toBe(123_450);
    expect(parseAmountToCents("1234.56")).toBe(123_456);
    expect(parseAmountToCents("8.000")).toBe(800_000);
    expect(parseAmountToCents("€ 80")).toBe(8_000);
    expect(parseAmountToCents("-12,30")).toBe(-1_230);
  });
  it("refuses what is not an amount", () => {
    expect(parseAmountToCents("")).toBeNull();
    expect(parseAmountToCents("12,345,6")).toBeNull();
    expect(parseAmountToCents("1,005.5.5")).toBeNull();
    expect(parseAmountToCents("tien")).toBeNull();
    // Three decimals after a Dutch comma is no euro amount.
    expect(parseAmountToCents("1,234")).toBeNull();
  });
});

describe("splitAmount", () => {
  it("puts VAT on top of an amount excluding VAT, and takes it out of one including it", () => {
    expect(splitAmount({ amountCents: 10_000, mode: "excl", ratePercent: 21, chargeVat: true, negative: false })).toEqual({
      netCents: 10_000,
      vatCents: 2_100,
    });
    expect(splitAmount({ amountCents: 12_100, mode: "incl", ratePercent: 21, chargeVat: true, negative: false })).toEqual({
      netCents: 10_000,
      vatCents: 2_100,
    });
  });
  it("charges no VAT inside the KOR or without a rate, and makes a credit note negative", () => {
    expect(splitAmount({ amountCents: 12_100, mode: "incl", ratePercent: 21, chargeVat: false, negative: false })).toEqual({
      netCents: 12_100,
      vatCents: 0,
    });
    expect(splitAmount({ amountCents: 5_000, mode: "excl", ratePercent: null, chargeVat: true, negative: false })).toEqual({
      netCents: 5_000,
      vatCents: 0,
    });
    expect(splitAmount({ amountCents: 10_000, mode: "excl", ratePercent: 9, chargeVat: true, negative: true })).toEqual({
      netCents: -10_000,
      vatCents: -900,
    });
  });
});

describe("vatRateFor and parseRate", () => {
  it("takes the rate from the rule table of the date's year", () => {
    expect(vatRateFor("NL_STANDARD", "2026-03-01")).toBe(21);
    expect(vatRateFor("NL_REDUCED", "2026-03-01")).toBe(9);
    expect(vatRateFor("EU_B2B_SERVICES", "2026-03-01")).toBeNull();
    expect(vatRateFor("NL_STANDARD", "")).toBeNull();
  });
  it("reads a rate with either decimal mark", () => {
    expect(parseRate("1,0834")).toBe(1.0834);
    expect(parseRate("0.92")).toBe(0.92);
    expect(parseRate("0")).toBeNull();
    expect(parseRate("abc")).toBeNull();
  });
});

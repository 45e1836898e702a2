// Money: remediation VAT rounding (§3.3) and the euro texts of messages.

import { describe, expect, it } from "vitest";
import { formatEuro, vatContained, vatOnTop } from "./money";

describe("remediation VAT (§3.3)", () => {
  it("re-invoices on top and absorbs out of the price, rounded half away from zero", () => {
    expect(vatOnTop(60_000, 21)).toBe(12_600);
    expect(vatContained(60_000, 21)).toBe(10_413);
    expect(vatContained(50_000, 21)).toBe(8_678);
    expect(vatOnTop(50, 21)).toBe(11); // 10.5 → 11
    expect(vatOnTop(1, 21)).toBe(0);
    expect(vatContained(100_000, 9)).toBe(8_257);
    expect(vatOnTop(-50, 21)).toBe(-11);
  });
});

describe("formatEuro", () => {
  it("writes euros exactly as Intl.NumberFormat does", () => {
    const nl = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });
    const en = new Intl.NumberFormat("en-IE", { style: "currency", currency: "EUR" });
    for (const cents of [0, 5, -5, 99, 100, 1_995_000, -70_000, 2_000_000, 123_456_789, -123_456_789, 100_000_000_00]) {
      expect(formatEuro(cents, "nl")).toBe(nl.format(cents / 100));
      expect(formatEuro(cents, "en")).toBe(en.format(cents / 100));
    }
  });
});

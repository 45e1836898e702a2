import { describe, expect, it } from "vitest";
import { dateTimeFormat, numberFormat } from "./intl-format";

describe("cached Intl formatters", () => {
  it("reuses one formatter per locale and options, and formats as a new one would", () => {
    const money = numberFormat("nl-NL", { style: "currency", currency: "EUR" });
    expect(numberFormat("nl-NL", { style: "currency", currency: "EUR" })).toBe(money);
    expect(money.format(1234.56)).toBe(new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" }).format(1234.56));
    expect(numberFormat("en-GB", { style: "currency", currency: "EUR" })).not.toBe(money);
    expect(numberFormat("nl-NL", { maximumFractionDigits: 1 })).not.toBe(money);
  });

  it("keeps date formatters apart by their options", () => {
    const long = dateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" });
    expect(dateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" })).toBe(long);
    expect(dateTimeFormat("nl-NL", { dateStyle: "medium", timeZone: "UTC" })).not.toBe(long);
    expect(long.format(new Date(Date.UTC(2026, 10, 4)))).toBe("4 november 2026");
  });
});

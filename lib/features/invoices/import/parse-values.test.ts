import { describe, expect, it } from "vitest";
import { parseAmountToCents, parseDate } from "@/lib/features/invoices/import/parse-values";

describe("parseAmountToCents", () => {
  it.each([
    ["1.234,56", 123456],
    ["1234,56", 123456],
    ["€ 1.234,56", 123456],
    ["1234.56", 123456],
    ["1,234.56", 123456],
    ["1.234", 123400],
    ["1.234.567,8", 123456780],
    ["12,5", 1250],
    ["12.5", 1250],
    ["0,01", 1],
    ["600", 60000],
    ["-12,50", -1250],
    ["(12,50)", -1250],
    ["12,50-", -1250],
    ["EUR 20.000,00", 2000000],
  ])("%s → %i cents", (raw, cents) => {
    expect(parseAmountToCents(raw)).toBe(cents);
  });

  it.each(["", "abc", "12,345,67", "1,2,3", "12.345.6", "1,234", "1.2345", "12,505", "--5", "1e5"])("refuses %j", (raw) => {
    // "1,234" is a decimal comma with three decimals: not a euro amount.
    expect(parseAmountToCents(raw)).toBeNull();
  });
});

describe("parseDate", () => {
  it.each([
    ["2026-12-31", "2026-12-31"],
    ["31-12-2026", "2026-12-31"],
    ["31/12/2026", "2026-12-31"],
    ["1-2-2026", "2026-02-01"],
    ["29.02.2028", "2028-02-29"],
  ])("%s → %s", (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it.each(["2026-02-30", "30-02-2026", "12/31/2026", "2026/12/31", "31-12-26", "", "gisteren"])("refuses %j", (raw) => {
    expect(parseDate(raw)).toBeNull();
  });
});

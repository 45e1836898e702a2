import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  calendarDate,
  dutchIbanFromAccountNumber,
  normaliseIban,
  parseAmountCents,
  parseDate,
  requireAmountCents,
} from "@/lib/features/bank/formats/read-values";

describe("parseAmountCents", () => {
  it.each([
    ["1.234,56", ",", 123456],
    ["-1.234,56", ",", -123456],
    ["+1149,50", ",", 114950],
    ["000000001000,00", ",", 100000],
    ["5,1", ",", 510],
    ["10,", ",", 1000],
    ["0,01", ",", 1],
    ["1.234.567,89", ",", 123456789],
    ["1,234.56", "auto", 123456],
    ["1.234,56", "auto", 123456],
    ["-0.99", "auto", -99],
    ["1.500", "auto", 150000],
    ["1500", "auto", 150000],
    ["  -12,50 ", "auto", -1250],
    ["12,50-", ",", -1250],
    ["0,00", ",", 0],
    ["-0,00", ",", 0],
  ] as const)("reads %s (%s) as %i cents", (raw, mark, cents) => {
    expect(parseAmountCents(raw, mark)).toBe(cents);
  });

  it("never goes through floating point: 0,07 and 1.005,10 stay exact", () => {
    expect(parseAmountCents("0,07", ",")).toBe(7);
    expect(parseAmountCents("1.005,10", ",")).toBe(100510);
    expect(parseAmountCents("19999999,99", ",")).toBe(1999999999);
  });

  it.each(["", "abc", "12,345", "1.23.4,00", "12.34,5", "--1", "1,2,3", "€ 12", ",", "12,5x"])("refuses %j", (raw) => {
    expect(parseAmountCents(raw, ",")).toBeNull();
  });

  it("reads every amount back to its exact cents, in Dutch and English notation, with and without thousands", () => {
    const group = (digits: string, separator: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), fc.boolean(), (cents, grouped) => {
        const sign = cents < 0 ? "-" : "";
        const euros = String(Math.floor(Math.abs(cents) / 100));
        const rest = String(Math.abs(cents) % 100).padStart(2, "0");
        const dutch = `${sign}${grouped ? group(euros, ".") : euros},${rest}`;
        const english = `${sign}${grouped ? group(euros, ",") : euros}.${rest}`;
        return (
          parseAmountCents(dutch, ",") === cents && parseAmountCents(dutch, "auto") === cents && parseAmountCents(english, "auto") === cents
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("names the line of an amount it cannot read", () => {
    expect(() => requireAmountCents("12,3.4", ",", 7)).toThrow("bank.errors.invalidAmount (line 7)");
  });
});

describe("parseDate", () => {
  it.each([
    ["20261231", "2026-12-31"],
    ["2026-12-31", "2026-12-31"],
    ["31-12-2026", "2026-12-31"],
    ["1/2/2027", "2027-02-01"],
    ["29.02.2028", "2028-02-29"],
  ])("reads %s", (raw, date) => {
    expect(parseDate(raw)).toBe(date);
  });

  it.each(["20260230", "2026-13-01", "31-04-2026", "29-02-2027", "2026/12/31", "", "yesterday"])("refuses %j", (raw) => {
    expect(parseDate(raw)).toBeNull();
  });

  it("knows the length of every month", () => {
    expect(calendarDate(2026, 2, 28)).toBe("2026-02-28");
    expect(calendarDate(2026, 2, 29)).toBeNull();
  });
});

describe("IBANs", () => {
  it("normalises a valid IBAN to its electronic form and refuses an invalid one", () => {
    expect(normaliseIban(" nl91 abna 0417 1643 00 ")).toBe("NL91ABNA0417164300");
    expect(normaliseIban("NL92ABNA0417164300")).toBeNull();
    expect(normaliseIban("")).toBeNull();
    expect(normaliseIban(null)).toBeNull();
  });

  it("derives a Dutch IBAN from a bank's old account number", () => {
    expect(dutchIbanFromAccountNumber("ABNA", "417164300")).toBe("NL91ABNA0417164300");
    expect(dutchIbanFromAccountNumber("INGB", "0001234567")).toBe("NL20INGB0001234567");
    expect(dutchIbanFromAccountNumber("ABNA", "12345678901")).toBeNull();
    expect(dutchIbanFromAccountNumber("ABNA", "ABC")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { compareNatural, nextInvoiceNumber } from "@/lib/features/invoices/suggest-invoice-number";

describe("nextInvoiceNumber", () => {
  it("increments the trailing digits and keeps the zero padding", () => {
    expect(nextInvoiceNumber(["2026-007"], 2026)).toBe("2026-008");
    expect(nextInvoiceNumber(["2026-009"], 2026)).toBe("2026-010");
    expect(nextInvoiceNumber(["F0099"], 2026)).toBe("F0100");
  });

  it("grows past the padding instead of wrapping", () => {
    expect(nextInvoiceNumber(["2026-999"], 2026)).toBe("2026-1000");
    expect(nextInvoiceNumber(["9"], 2026)).toBe("10");
  });

  it("takes the highest number in natural order, not the longest digit run", () => {
    expect(nextInvoiceNumber(["2025-120", "2026-007", "2026-003"], 2026)).toBe("2026-008");
    expect(nextInvoiceNumber(["2026-9", "2026-10"], 2026)).toBe("2026-11");
  });

  it("ignores numbers without trailing digits", () => {
    expect(nextInvoiceNumber(["2026-004", "creditnota-A"], 2026)).toBe("2026-005");
  });

  it("starts at year-001 when there is nothing to follow", () => {
    expect(nextInvoiceNumber([], 2026)).toBe("2026-001");
    expect(nextInvoiceNumber(["kas"], 2027)).toBe("2027-001");
  });

  it("skips a suggestion that is already taken", () => {
    expect(nextInvoiceNumber(["A-010", "B-002", "B-003"], 2026)).toBe("B-004");
    expect(nextInvoiceNumber([], 2026)).toBe("2026-001");
    expect(nextInvoiceNumber(["2026-001x", "2026-001"], 2026)).toBe("2026-002");
  });

  it("handles digit runs longer than a safe integer exactly", () => {
    expect(nextInvoiceNumber(["12345678901234567899"], 2026)).toBe("12345678901234567900");
  });
});

describe("compareNatural", () => {
  it("orders digit runs by value", () => {
    expect(compareNatural("2026-010", "2026-9")).toBeGreaterThan(0);
    expect(compareNatural("2026-001", "2025-999")).toBeGreaterThan(0);
    expect(compareNatural("A-1", "A-1")).toBe(0);
  });
});

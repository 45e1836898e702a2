import { describe, expect, it } from "vitest";
import { isValidKvkNumber, isValidVatNumber, normaliseKvkNumber, normaliseVatNumber } from "@/lib/features/businesses/identifiers";
import { businessInputSchema } from "@/lib/features/businesses/business.types";

describe("KVK numbers", () => {
  it.each(["12345678", "00000001", "90001234"])("accepts %s", (value) => {
    expect(isValidKvkNumber(value)).toBe(true);
  });
  it.each(["1234567", "123456789", "1234567a", "", "12 34 56 78"])("refuses %j", (value) => {
    expect(isValidKvkNumber(value)).toBe(false);
  });
  it("normalises spaces and dots", () => {
    expect(normaliseKvkNumber("1234 5678")).toBe("12345678");
    expect(normaliseKvkNumber("12.34.56.78")).toBe("12345678");
  });
});

describe("VAT numbers (btw-id)", () => {
  it("accepts an ID that passes the mod-97 check", () => {
    expect(isValidVatNumber("NL000099998B57")).toBe(true);
  });
  it("accepts an older ID that passes the 11-check on its RSIN digits", () => {
    expect(isValidVatNumber("NL123456782B01")).toBe(true);
  });
  it.each([
    ["wrong check digits", "NL000099998B58"],
    ["eight digits", "NL00009999B57"],
    ["missing B", "NL000099998057"],
    ["other country", "BE000099998B57"],
    ["lower case before normalising", "nl000099998b57"],
    ["three-digit suffix", "NL000099998B570"],
  ])("refuses %s", (_, value) => {
    expect(isValidVatNumber(value)).toBe(false);
  });
  it("normalises case and spaces before checking", () => {
    expect(normaliseVatNumber(" nl0000 99998b57 ")).toBe("NL000099998B57");
  });
});

describe("businessInputSchema", () => {
  it("names every wrong field in one answer", () => {
    const result = businessInputSchema.safeParse({
      name: "",
      kvkNumber: "123",
      vatNumber: "NL123",
      korParticipations: [{ from: "2026-02-30" }, { from: "2026-05-01", to: "2026-04-01" }],
    });
    expect(result.success).toBe(false);
    const paths = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(paths).toMatchObject({
      name: "validation.required",
      kvkNumber: "validation.kvkNumber",
      vatNumber: "validation.vatNumber",
      "korParticipations.0.from": "validation.date",
      "korParticipations.1.to": "validation.periodOrder",
    });
  });

  it("treats empty optional fields as absent and normalises identifiers", () => {
    const parsed = businessInputSchema.parse({
      name: " Studio ",
      kvkNumber: "1234 5678",
      vatNumber: "nl000099998b57",
      korParticipations: [{ from: "2025-01-01", to: "" }],
    });
    expect(parsed).toMatchObject({ name: "Studio", kvkNumber: "12345678", vatNumber: "NL000099998B57", filingPeriod: "quarter" });
    expect(parsed.korParticipations).toEqual([{ from: "2025-01-01", to: undefined }]);
  });

  it("refuses overlapping KOR periods", () => {
    const result = businessInputSchema.safeParse({
      name: "X",
      korParticipations: [{ from: "2024-01-01" }, { from: "2025-01-01", to: "2025-06-30" }],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ["korParticipations", 1, "from"], message: "validation.periodOverlap" });
  });

  it("refuses NL and unknown states for the EU-KOR", () => {
    const result = businessInputSchema.safeParse({ name: "X", euKor: { memberStates: ["DE", "NL", "XX"] } });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toEqual(["euKor.memberStates.1", "euKor.memberStates.2"]);
  });
});

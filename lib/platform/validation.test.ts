// A PATCH is checked twice, the patch as the API document shows it and the merged whole,
// and answers every field's problem of both at once (the edit form shows them together).
import { describe, expect, it } from "vitest";
import { invoiceInputSchema, invoicePatchSchema } from "@/lib/features/invoices/invoice.types";
import { parsePatchOrThrow } from "@/lib/platform/validation";

const stored = {
  number: "F-1",
  date: "2026-03-02",
  customer: { name: "Klant BV", country: "NL", type: "business" },
  category: "NL_STANDARD",
  netCents: 10_000,
  vatCents: 2_100,
};
const merge = (patch: Record<string, unknown>) => ({
  ...stored,
  ...patch,
  customer: { ...stored.customer, ...(patch.customer as object) },
});
const fieldsOf = (patch: Record<string, unknown>, merged: unknown = merge(patch)) => {
  try {
    parsePatchOrThrow({ patchSchema: invoicePatchSchema, patch, schema: invoiceInputSchema, merged });
    return null;
  } catch (error) {
    return (error as { fields?: Record<string, string> }).fields;
  }
};

describe("parsePatchOrThrow", () => {
  it("answers the merged whole, parsed", () => {
    const input = parsePatchOrThrow({
      patchSchema: invoicePatchSchema,
      patch: { description: " Werk " },
      schema: invoiceInputSchema,
      merged: merge({ description: " Werk " }),
    });
    expect(input).toMatchObject({ number: "F-1", description: "Werk", kind: "invoice", currency: "EUR" });
  });

  it("names a field's own problem and the whole's problem together", () => {
    // number blank: the patch's problem; an EU category for a Dutch customer: the whole's.
    expect(fieldsOf({ number: " ", category: "EU_B2B_SERVICES" })).toEqual({
      number: "validation.required",
      country: "validation.euCountry",
    });
  });

  it("refuses what the document does not allow in a patch although the merge would hide it", () => {
    // customer: null would keep the stored customer in the merge; the document says an object.
    expect(fieldsOf({ customer: null }, { ...stored })).toEqual({ customer: "validation.required" });
    expect(fieldsOf({ netcents: 1 }, { ...stored, netcents: 1 })).toEqual({ netcents: "validation.unknownField" });
  });
});

describe("a key named __proto__", () => {
  it("is an unknown field like any other, in a patch and in one parse (found by the fuzz test: it passed as valid)", () => {
    const patch = JSON.parse('{"description":"Werk","__proto__":{"isAdmin":true}}') as Record<string, unknown>;
    expect(fieldsOf(patch, { ...merge({}), ...patch })).toEqual(Object.fromEntries([["__proto__", "validation.unknownField"]]));
  });
});

// Field errors are field keys only: a schema's own key as it is, and for an issue whose
// schema gave none a key by kind (missing, wrong type, too long, anything else), never
// zod's English.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isAppError } from "@/lib/platform/errors";
import { fieldErrors, parseOrThrow } from "./validation";

const refusal = (schema: z.ZodType, input: unknown) => {
  try {
    parseOrThrow(schema, input);
  } catch (error) {
    if (isAppError(error)) return error.fields;
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("parseOrThrow's field keys", () => {
  it("keeps a schema's own key, its namespace included", () => {
    expect(refusal(z.object({ date: z.string("validation.date") }), { date: 20260101 })).toEqual({ date: "validation.date" });
    expect(refusal(z.object({ rate: z.number().refine(() => false, "thresholds.rateDate") }), { rate: 1 })).toEqual({
      rate: "thresholds.rateDate",
    });
  });

  it("gives a key by kind where the schema has none", () => {
    const schema = z.object({ a: z.string(), b: z.number(), c: z.string().max(2), d: z.array(z.string()).min(1), e: z.email() }).strict();
    expect(refusal(schema, { b: "x", c: "abc", d: [], e: "no", f: 1 })).toEqual({
      a: "validation.required",
      b: "validation.invalid",
      c: "validation.tooLong",
      d: "validation.invalid",
      e: "validation.invalid",
      f: "validation.unknownField",
    });
  });
});

describe("fieldErrors of a parse without the field-key map", () => {
  it("still answers with keys, telling a missing field from a wrong one", () => {
    const result = z.object({ a: z.string(), b: z.number(), c: z.string().max(2) }).safeParse({ b: "x", c: "abc" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({ a: "validation.required", b: "validation.invalid", c: "validation.tooLong" });
  });
});

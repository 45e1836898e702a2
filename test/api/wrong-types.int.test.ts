// A field of the wrong type gets a field message from the product's own words, never zod's
// raw English ("Invalid input: expected string, received number"). For every field of the
// invoice, purchase and business bodies (found by walking their schemas, nested objects
// and array elements included, so a field added later is covered too), each of a number,
// a boolean, an object, an array, null and a string is sent in its place through the route
// handler; a refusal must name the field with a text that is a translation of a
// `validation.*` key.
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import * as businessesRoute from "@/app/api/v1/businesses/route";
import * as invoicesRoute from "@/app/api/v1/businesses/[businessId]/invoices/route";
import * as purchasesRoute from "@/app/api/v1/businesses/[businessId]/purchases/route";
import { translateMessageKey } from "@/lib/platform/api/api-response";
import { businessInputSchema } from "@/lib/features/businesses/business.types";
import enValidation from "@/lib/platform/i18n/messages/en/validation.json";
import { invoiceInputSchema } from "@/lib/features/invoices/invoice.types";
import { purchaseInputSchema } from "@/lib/features/purchases/purchase.types";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { apiRequest, ctx, readJson, tokenFor, validInvoice } from "@/test/api/helpers";

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; in?: z.ZodType; out?: z.ZodType; innerType?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every field path of a body schema: "customer.name", "korParticipations.0.from", … */
function fieldPaths(schema: z.ZodType, prefix: (string | number)[] = []): (string | number)[][] {
  const def = defOf(schema);
  switch (def.type) {
    case "pipe": {
      // A preprocess is a pipe from a transform; a refined or transformed object, a pipe into one.
      const inner = fieldPaths(def.in!, prefix);
      const outer = defOf(def.in!).type === "transform" ? fieldPaths(def.out!, prefix) : [];
      return [...inner, ...outer].filter((p, i, all) => all.findIndex((q) => q.join(".") === p.join(".")) === i);
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
      return fieldPaths(def.innerType!, prefix);
    case "object":
      return [
        ...(prefix.length ? [prefix] : []),
        ...Object.entries(def.shape!).flatMap(([key, child]) => {
          const paths = fieldPaths(child, [...prefix, key]);
          return paths.length ? paths : [[...prefix, key]];
        }),
      ];
    case "array":
      return [prefix, ...fieldPaths(def.element!, [...prefix, 0])];
    case "transform":
      return [];
    default:
      return prefix.length ? [prefix] : [];
  }
}

function withValue(body: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let node: Record<string | number, unknown> = copy;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      node[key] = value;
      break;
    }
    node[key] ??= typeof path[i + 1] === "number" ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  return copy;
}

const WRONG_VALUES: unknown[] = [20260101, true, { x: 1 }, ["x"], null, "not-this"];
// The English texts of the product's field messages (what the API sends for a `validation.*` key).
const FIELD_TEXTS = new Set(Object.keys(enValidation.validation).map((key) => translateMessageKey(`validation.${key}`)));

let businessId: string;
let token: string;

beforeAll(async () => {
  const owner = await createUser("wrong-types");
  businessId = (await createOwnedBusiness(owner.id, "Types BV")).id;
  token = await tokenFor(owner.id);
});

type Case = { name: string; schema: z.ZodType; body: () => Record<string, unknown>; send: (body: unknown) => Promise<Response> };
const cases: Case[] = [
  {
    name: "invoice",
    schema: invoiceInputSchema,
    body: () => validInvoice({ kind: "invoice", ancillary: false, description: "Werk", currency: "EUR" }),
    send: (body) =>
      invoicesRoute.POST(apiRequest("POST", `/api/v1/businesses/${businessId}/invoices`, { token, body }), ctx({ businessId })),
  },
  {
    name: "purchase",
    schema: purchaseInputSchema,
    body: () => ({
      documentKind: "invoice",
      reference: "IN-1",
      date: "2026-03-02",
      supplier: { name: "Leverancier BV", country: "NL", vatId: "NL123456789B01" },
      netCents: 10_000,
      vatCents: 2_100,
      ratePercent: 21,
      vatTreatment: "NL_VAT",
      category: "COSTS",
      description: "Papier",
    }),
    send: (body) =>
      purchasesRoute.POST(apiRequest("POST", `/api/v1/businesses/${businessId}/purchases`, { token, body }), ctx({ businessId })),
  },
  {
    name: "business",
    schema: businessInputSchema,
    body: () => ({
      name: "Nieuw BV",
      kvkNumber: "12345678",
      vatNumber: "NL123456789B01",
      filingPeriod: "quarter",
      startedOn: "2026-01-01",
      korParticipations: [{ from: "2026-01-01", to: "2026-12-31" }],
      euKor: { exNumber: "NL123456789EX01", from: "2026-01-01", memberStates: ["DE"] },
    }),
    send: (body) => businessesRoute.POST(apiRequest("POST", "/api/v1/businesses", { token, body }), ctx({})),
  },
];

describe("a field of the wrong type gets a field message, never zod's English", () => {
  for (const testCase of cases) {
    it(`every field of the ${testCase.name} body`, async () => {
      const paths = fieldPaths(testCase.schema);
      // The walk found the nested fields, not only the top level.
      expect(paths.some((p) => p.length > 1)).toBe(true);
      const raw: string[] = [];
      let refused = 0;
      for (const path of paths) {
        for (const value of WRONG_VALUES) {
          const response = await testCase.send(withValue(testCase.body(), path, value));
          if (response.status < 400) continue;
          const body = await readJson(response);
          expect(response.status, `${path.join(".")} = ${JSON.stringify(value)}: ${JSON.stringify(body)}`).toBe(400);
          refused += 1;
          const fields = (body.error.fields ?? {}) as Record<string, string>;
          expect(Object.keys(fields).length, `${path.join(".")} = ${JSON.stringify(value)}: ${JSON.stringify(body)}`).toBeGreaterThan(0);
          for (const [field, text] of Object.entries(fields)) {
            if (!FIELD_TEXTS.has(text)) raw.push(`${path.join(".")} = ${JSON.stringify(value)} → ${field}: ${text}`);
          }
        }
      }
      expect(refused).toBeGreaterThan(paths.length);
      expect(raw).toEqual([]);
    }, 120_000);
  }
});

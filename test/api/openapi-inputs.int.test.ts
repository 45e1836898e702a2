// The other half of "the document cannot drift from validation": the zod schemas the API
// document is generated from (`apiInputs`, lib/platform/api/openapi-inputs.test.ts) are the very
// ones each route parses its body and query string with. Every call of parseOrThrow (and
// each PATCH's patch schema) is recorded; a route that switched to another schema, or
// parsed a body without one, fails.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { apiInputs, apiJsonQueryInputs, openApiDocument } from "@/lib/platform/api/openapi";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { parseOrThrow, parsePatchOrThrow } from "@/lib/platform/validation";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { tokenFor, validInvoice } from "@/test/api/helpers";
import {
  bankLineFixture,
  callOperation,
  jsonOperations,
  purchaseFor,
  VALID_BODIES,
  type ApiOperation,
  type Fixture,
  withDeadline,
} from "@/test/api/openapi-operations";

vi.mock("@/lib/platform/validation", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/platform/validation")>();
  return { ...actual, parseOrThrow: vi.fn(actual.parseOrThrow), parsePatchOrThrow: vi.fn(actual.parsePatchOrThrow) };
});

const parsed = vi.mocked(parseOrThrow);
const patched = vi.mocked(parsePatchOrThrow);
/** Whether the request parsed with `schema`: on its own, or as a PATCH's patch schema. */
const parsedWith = (schema: z.ZodType) =>
  parsed.mock.calls.some(([used]) => used === schema) || patched.mock.calls.some(([options]) => options.patchSchema === schema);

let fixture: Fixture;
let token: string;

beforeAll(async () => {
  const owner = await createUser("openapi-inputs");
  const business = await createOwnedBusiness(owner.id, "Invoer BV");
  const invoice = await createInvoice({ caller: { userId: owner.id }, businessId: business.id, input: validInvoice({ number: "IN-001" }) });
  await withDeadline(owner.id, business.id);
  fixture = {
    businessId: business.id,
    invoiceId: invoice.id,
    bankLines: await bankLineFixture(owner.id, business.id),
    purchaseId: await purchaseFor(owner.id, business.id),
  };
  token = await tokenFor(owner.id);
});

// A block, not an arrow returning the mock: a function returned from beforeEach is run as its cleanup.
beforeEach(() => {
  parsed.mockClear();
  patched.mockClear();
});

const operations = jsonOperations();
const byId = (operationId: string): ApiOperation => {
  const operation = operations.find((candidate) => candidate.operationId === operationId);
  if (operation) return operation;
  // The imports have no JSON body: their operation is built from the document's path.
  for (const [apiPath, item] of Object.entries(openApiDocument.paths)) {
    const post = (item as Record<string, { operationId?: string }>).post;
    if (post?.operationId === operationId) {
      const routeFile = path.resolve(import.meta.dirname, "../..", `app${apiPath.replace(/\{(\w+)\}/g, "[$1]")}`, "route.ts");
      return { operationId, method: "POST", apiPath, routeFile, query: [] };
    }
  }
  throw new Error(`no operation ${operationId}`);
};

describe("each route parses with the zod schemas its document is generated from", () => {
  const bodies = Object.entries(apiInputs).flatMap(([id, input]) => (input.body ? [[id, input.body] as const] : []));
  const queries = Object.entries(apiInputs).flatMap(([id, input]) => (input.query ? [[id, input.query] as const] : []));

  it.each(bodies)("%s parses its JSON body with the documented schema", async (operationId, schema) => {
    const valid = VALID_BODIES[operationId];
    expect(valid, `add a valid body for ${operationId} to VALID_BODIES`).toBeDefined();
    const response = await callOperation(byId(operationId), {
      fixture,
      token,
      text: JSON.stringify(valid!(fixture)),
      contentType: "application/json",
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    expect(parsedWith(schema), `${operationId} did not parse its body with apiInputs.${operationId}.body`).toBe(true);
  });

  it.each(queries)("%s parses its query string with the documented schema", async (operationId, schema) => {
    const response = await callOperation(byId(operationId), { fixture, token, query: "" });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(parsedWith(schema), `${operationId} did not parse its query with apiInputs.${operationId}.query`).toBe(true);
  });

  it("the imports parse their JSON query parameters with the documented schemas", async () => {
    const csv = "number;date;customer;net\nIMP-1;2026-03-02;Klant BV;100,00\n";
    const mapping = JSON.stringify({ columns: { number: "number", date: "date", customerName: "customer", netAmount: "net" } });
    const preview = await callOperation(byId("importInvoices"), {
      fixture,
      token,
      query: `dryRun=true&mapping=${encodeURIComponent(mapping)}`,
      text: csv,
      contentType: "text/csv",
    });
    expect(preview.status, await preview.clone().text()).toBe(200);
    expect(parsedWith(apiJsonQueryInputs.importInvoices.mapping)).toBe(true);

    parsed.mockClear();
    const xml = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/ubl/domestic-s21.xml"), "utf8");
    const eInvoices = await callOperation(byId("importEInvoices"), {
      fixture,
      token,
      query: `dryRun=true&categories=${encodeURIComponent(JSON.stringify({ rowCategories: {} }))}`,
      text: xml,
      contentType: "application/xml",
    });
    expect(eInvoices.status, await eInvoices.clone().text()).toBe(200);
    expect(parsedWith(apiJsonQueryInputs.importEInvoices.categories)).toBe(true);

    parsed.mockClear();
    const received = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/ubl-purchases/purchase-s21.xml"), "utf8");
    const purchases = await callOperation(byId("importPurchaseEInvoices"), {
      fixture,
      token,
      query: `dryRun=true&categories=${encodeURIComponent(JSON.stringify({ rowCategories: {} }))}`,
      text: received,
      contentType: "application/xml",
    });
    expect(purchases.status, await purchases.clone().text()).toBe(200);
    expect(parsedWith(apiJsonQueryInputs.importPurchaseEInvoices.categories)).toBe(true);
  });
});

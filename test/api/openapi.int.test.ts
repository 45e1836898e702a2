// The served OpenAPI document, and real answers checked against the schemas it
// documents: every required property present, no undocumented property.
import { beforeAll, describe, expect, it } from "vitest";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import * as businessesRoute from "@/app/api/v1/businesses/route";
import * as invoicesRoute from "@/app/api/v1/businesses/[businessId]/invoices/route";
import * as turnoverRoute from "@/app/api/v1/businesses/[businessId]/turnover/route";
import { openApiDocument } from "@/lib/api/openapi";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { apiRequest, ctx, readJson, tokenFor, validInvoice } from "@/test/api/helpers";

type Schema = { required?: readonly string[]; properties?: Record<string, unknown>; allOf?: readonly Schema[]; $ref?: string };
const schemas = openApiDocument.components.schemas as unknown as Record<string, Schema>;

/** Required and known properties of a component schema, following allOf and $ref. */
function shape(name: string): { required: Set<string>; known: Set<string> } {
  const required = new Set<string>();
  const known = new Set<string>();
  const visit = (schema: Schema) => {
    if (schema.$ref) return visit(schemas[schema.$ref.split("/").pop()!]!);
    schema.allOf?.forEach(visit);
    schema.required?.forEach((key) => required.add(key));
    Object.keys(schema.properties ?? {}).forEach((key) => known.add(key));
  };
  visit(schemas[name]!);
  return { required, known };
}

function expectConforms(value: Record<string, unknown>, name: string) {
  const { required, known } = shape(name);
  for (const key of required) expect(value, `${name} lacks ${key}`).toHaveProperty(key);
  for (const key of Object.keys(value)) expect(known, `${name} does not document ${key}`).toContain(key);
}

let token: string;
let businessId: string;

beforeAll(async () => {
  const owner = await createUser("openapi");
  businessId = (await createOwnedBusiness(owner.id, "Spec BV")).id;
  token = await tokenFor(owner.id);
});

describe("GET /api/v1/openapi.json", () => {
  it("serves the document as JSON without authentication", async () => {
    const response = await openApiRoute.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const document = await readJson(response);
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(document.paths)).toContain("/api/v1/businesses/{businessId}/invoices/{invoiceId}");
  });
});

describe("answers match the documented schemas", () => {
  it("Business, Invoice, InvoiceRow, Turnover and Error", async () => {
    const businesses = await readJson(await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { token }), ctx({})));
    expectConforms(businesses.data[0], "Business");

    const created = await readJson(
      await invoicesRoute.POST(apiRequest("POST", `/api/v1/businesses/${businessId}/invoices`, { token, body: validInvoice() }), ctx({ businessId })),
    );
    expectConforms(created.data, "Invoice");

    const list = await readJson(await invoicesRoute.GET(apiRequest("GET", `/api/v1/businesses/${businessId}/invoices`, { token }), ctx({ businessId })));
    expect(Object.keys(list).sort()).toEqual(["data", "page", "totals"]);
    expectConforms(list.data[0], "InvoiceRow");

    const turnover = await readJson(await turnoverRoute.GET(apiRequest("GET", `/api/v1/businesses/${businessId}/turnover?year=2026`, { token }), ctx({ businessId })));
    expectConforms(turnover.data, "Turnover");

    const error = await readJson(await invoicesRoute.POST(apiRequest("POST", `/api/v1/businesses/${businessId}/invoices`, { token, body: {} }), ctx({ businessId })));
    expectConforms(error, "Error");
  });
});

// The served OpenAPI document, and real answers checked against the schemas it
// documents: every required property present, no undocumented property. Request bodies
// the other way round: every object in them is documented as refusing unknown keys, and
// the API does refuse an unknown key at each of those objects, with a field message.
import { beforeAll, describe, expect, it } from "vitest";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import * as businessesRoute from "@/app/api/v1/businesses/route";
import * as invoicesRoute from "@/app/api/v1/businesses/[businessId]/invoices/route";
import * as turnoverRoute from "@/app/api/v1/businesses/[businessId]/turnover/route";
import { openApiDocument } from "@/lib/platform/api/openapi";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { apiRequest, ctx, readJson, tokenFor, validInvoice } from "@/test/api/helpers";
import {
  bankLineFixture,
  branchesOf,
  callOperation,
  jsonOperations,
  purchaseFor,
  resolve,
  VALID_BODIES,
  type Schema as BodySchema,
  withDeadline,
} from "@/test/api/openapi-operations";

type Schema = { required?: readonly string[]; properties?: Record<string, unknown>; allOf?: readonly Schema[]; $ref?: string };
const schemas = openApiDocument.components.schemas as unknown as Record<string, Schema>;

/** Required and known properties of a component schema, following allOf and $ref. */
function shape(name: string): { required: Set<string>; known: Set<string> } {
  const required = new Set<string>();
  const known = new Set<string>();
  const visit = (schema: Schema) => {
    if (schema.$ref) return visit(schemas[schema.$ref.split("/").pop()!]!);
    for (const part of schema.allOf ?? []) visit(part);
    for (const key of schema.required ?? []) required.add(key);
    for (const key of Object.keys(schema.properties ?? {})) known.add(key);
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
    // Exactly the document the unit tests hold to OpenAPI 3.1 and to the zod schemas.
    expect(document).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
  });
});

describe("answers match the documented schemas", () => {
  it("Business, Invoice, InvoiceRow, Turnover and Error", async () => {
    const businesses = await readJson(await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { token }), ctx({})));
    expectConforms(businesses.data[0], "Business");

    const created = await readJson(
      await invoicesRoute.POST(
        apiRequest("POST", `/api/v1/businesses/${businessId}/invoices`, { token, body: validInvoice() }),
        ctx({ businessId }),
      ),
    );
    expectConforms(created.data, "Invoice");

    const list = await readJson(
      await invoicesRoute.GET(apiRequest("GET", `/api/v1/businesses/${businessId}/invoices`, { token }), ctx({ businessId })),
    );
    expect(Object.keys(list).sort()).toEqual(["data", "page", "totals"]);
    expectConforms(list.data[0], "InvoiceRow");

    const turnover = await readJson(
      await turnoverRoute.GET(apiRequest("GET", `/api/v1/businesses/${businessId}/turnover?year=2026`, { token }), ctx({ businessId })),
    );
    expectConforms(turnover.data, "Turnover");

    const error = await readJson(
      await invoicesRoute.POST(apiRequest("POST", `/api/v1/businesses/${businessId}/invoices`, { token, body: {} }), ctx({ businessId })),
    );
    expectConforms(error, "Error");
  });
});

// --- request bodies: unknown keys -------------------------------------------------------

/** The object schemas of a body schema, by path ("" the body, "euKor", "korParticipations.0"). */
function objectSchemas(schema: BodySchema, at: string[] = []): { path: string[]; schema: BodySchema }[] {
  const resolved = resolve(schema);
  const branches = branchesOf(resolved)?.filter((branch) => branch.type !== "null") ?? [resolved];
  return branches.flatMap((branch) => {
    const inner = resolve(branch);
    if (inner.type === "array" && inner.items) return objectSchemas(inner.items, [...at, "0"]);
    if (inner.type !== "object") return [];
    return [
      { path: at, schema: inner },
      ...Object.entries(inner.properties ?? {}).flatMap(([key, property]) => objectSchemas(property, [...at, key])),
    ];
  });
}

const bodyOperations = jsonOperations().filter((operation) => operation.body);
const PROBE = "netcents"; // the typo of netCents that must not be dropped silently

describe("request bodies refuse unknown keys, as documented", () => {
  it("documents additionalProperties: false for every object of every JSON request body", () => {
    expect(bodyOperations.map((operation) => operation.operationId)).toEqual(
      expect.arrayContaining(["createBusiness", "createInvoice", "updateInvoice"]),
    );
    for (const operation of bodyOperations) {
      for (const { path, schema } of objectSchemas(operation.body!)) {
        expect(schema.additionalProperties, `${operation.operationId} ${path.join(".") || "(body)"}`).toBe(false);
      }
    }
  });

  it("answers 400 with the unknown key in fields at every object of every JSON request body, and accepts the body without it", async () => {
    const owner = await createUser("openapi-keys");
    const business = await createOwnedBusiness(owner.id, "Sleutel BV");
    const invoice = await createInvoice({
      caller: { userId: owner.id },
      businessId: business.id,
      input: validInvoice({ number: "KEYS-001" }),
    });
    await withDeadline(owner.id, business.id);
    const fixture = {
      businessId: business.id,
      invoiceId: invoice.id,
      bankLines: await bankLineFixture(owner.id, business.id),
      purchaseId: await purchaseFor(owner.id, business.id),
    };
    const ownerToken = await tokenFor(owner.id);
    const send = (operation: (typeof bodyOperations)[number], body: unknown) =>
      callOperation(operation, { fixture, token: ownerToken, text: JSON.stringify(body), contentType: "application/json" });
    let probes = 0;
    for (const operation of bodyOperations) {
      const valid = VALID_BODIES[operation.operationId];
      expect(valid, `add a valid body for ${operation.operationId} to VALID_BODIES in test/api/openapi-operations.ts`).toBeDefined();
      for (const { path } of objectSchemas(operation.body!)) {
        const body = valid!(fixture);
        let target: unknown = body;
        for (const key of path) target = (target as Record<string, unknown>)?.[key];
        const label = `${operation.operationId} ${path.join(".") || "(body)"}`;
        expect(target, `${label}: the valid body must contain this object`).toEqual(expect.any(Object));
        expect(Object.keys(target as object), label).not.toContain(PROBE);
        const accepted = await send(operation, body);
        expect(accepted.status, `${label} without the unknown key: ${await accepted.clone().text()}`).toBeLessThan(300);

        const probed = valid!(fixture);
        let parent = probed as Record<string, unknown>;
        for (const key of path) parent = parent[key] as Record<string, unknown>;
        parent[PROBE] = 12_100;
        const refused = await send(operation, probed);
        const answer = await readJson(refused);
        expect(refused.status, `${label}: ${JSON.stringify(answer)}`).toBe(400);
        expect(answer.error.code).toBe("VALIDATION_FAILED");
        expect(answer.error.fields, label).toEqual({ [[...path, PROBE].join(".")]: "This field does not exist." });
        probes += 1;
      }
    }
    // BusinessInput (body, korParticipations item, euKor), InvoiceInput (body, customer), InvoicePatch (body, customer).
    expect(probes).toBeGreaterThanOrEqual(7);
  });
});

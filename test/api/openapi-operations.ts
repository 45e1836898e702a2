// The JSON endpoints as the OpenAPI document describes them, for the tests that hold the
// API to its document (openapi.int.test.ts, fuzz-json-endpoints.int.test.ts): the
// operations with their body schema and query parameters, a body each one accepts, and a
// way to call the route handler behind an operation.
import path from "node:path";
import { openApiDocument } from "@/lib/platform/api/openapi";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { apiRequest, ctx, validInvoice } from "@/test/api/helpers";

export type Schema = {
  type?: string;
  $ref?: string;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  enum?: readonly unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: readonly string[];
  additionalProperties?: boolean | Schema;
};
export type Parameter = { name: string; in: string; schema: Schema };
type Operation = { operationId: string; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };

export const document = JSON.parse(JSON.stringify(openApiDocument)) as {
  paths: Record<string, Record<string, Operation | Parameter[]>>;
  components: { schemas: Record<string, Schema> };
};
const METHODS = ["get", "post", "put", "patch", "delete"];

/** The branches of a union: oneOf in the hand-written answers, anyOf from zod (a nullable field). */
export const branchesOf = (schema: Schema): Schema[] | undefined => schema.oneOf ?? schema.anyOf;

/** A schema with its $ref followed and its allOf merged. */
export function resolve(schema: Schema): Schema {
  if (schema.$ref) return resolve(document.components.schemas[schema.$ref.split("/").pop()!]!);
  if (schema.allOf) {
    const properties: NonNullable<Schema["properties"]> = {};
    const required: string[] = [];
    let merged: Schema = {};
    for (const part of schema.allOf.map(resolve)) {
      merged = { ...merged, ...part };
      Object.assign(properties, part.properties);
      required.push(...(part.required ?? []));
    }
    return { ...merged, properties, required };
  }
  return schema;
}

export type ApiOperation = { operationId: string; method: string; apiPath: string; routeFile: string; body?: Schema; query: Parameter[] };

/** Every operation with a JSON request body or (for GET) query parameters. */
export function jsonOperations(): ApiOperation[] {
  const operations: ApiOperation[] = [];
  for (const [apiPath, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const routeFile = path.resolve(import.meta.dirname, "../..", `app${apiPath.replace(/\{(\w+)\}/g, "[$1]")}`, "route.ts");
      const json = operation.requestBody?.content["application/json"]?.schema;
      const body = json ? resolve(json) : undefined;
      const query = (operation.parameters ?? []).filter((parameter) => parameter.in === "query");
      if (body || (method === "get" && query.length))
        operations.push({ operationId: operation.operationId, method: method.toUpperCase(), apiPath, routeFile, body, query });
    }
  }
  return operations;
}

/** `bankLines`: a candidate bank line per operation on {lineId} (see bankLineFixture). */
export type Fixture = { businessId: string; invoiceId: string; bankLines?: Record<string, string>; purchaseId?: string };

/** A purchase of the fixture's business, for the paths with {purchaseId}. */
export async function purchaseFor(userId: string, businessId: string): Promise<string> {
  const { createPurchase } = await import("@/lib/features/purchases/save-purchase");
  return (
    await createPurchase({
      caller: { userId },
      businessId,
      input: { date: "2026-03-03", supplier: { name: "Leverancier BV" }, netCents: 10_000 },
    })
  ).id;
}

/** A body each operation accepts (every nested object present), to break or extend in one place. */
export const VALID_BODIES: Record<string, (fixture: Fixture) => Record<string, unknown>> = {
  createBusiness: () => ({
    name: "Fuzz BV",
    kvkNumber: "12345678",
    filingPeriod: "quarter",
    korParticipations: [{ from: "2026-01-01" }],
    euKor: { exNumber: "NL123456789EX01", from: "2026-01-01", memberStates: ["DE"] },
  }),
  createInvoice: () =>
    validInvoice({
      number: `FZ-${Math.random().toString(36).slice(2, 10)}`,
      customer: { name: "Klant BV", country: "NL", type: "business", vatId: "NL123456789B01" },
      description: "Werk",
      sequence: 1,
    }),
  updateInvoice: () => ({ netCents: 5_000, vatCents: 1_050, description: "Gewijzigd", customer: { name: "Andere Klant" } }),
  acceptBankLine: () => ({ category: "NL_STANDARD", date: "2026-11-06", vatCents: 0, customerType: "business", remember: false }),
  rejectBankLine: () => ({ remember: false }),
  markDeadlineDone: () => ({ doneOn: "2026-07-20" }),
  createPurchase: () => ({
    documentKind: "invoice",
    reference: "INK-1",
    date: "2026-03-04",
    supplier: { name: "Leverancier BV", country: "NL", vatId: "NL123456789B01" },
    netCents: 10_000,
    vatCents: 2_100,
    ratePercent: 21,
    vatTreatment: "NL_VAT",
    category: "COSTS",
    description: "Kantoorartikelen",
  }),
  updatePurchase: () => ({ netCents: 5_000, vatCents: 1_050, description: "Gewijzigd", supplier: { name: "Andere Leverancier" } }),
  // 2024-Q4 lies before the fixture's KOR participation (from 2025): a return is due. With
  // correction: true the mark is set (or set again) on every call.
  fileVatReturn: () => ({ filedOn: "2025-01-20", correction: true }),
};

/** Two candidate lines of the business (the CAMT.053 fixture): one to accept, one to reject. */
export async function bankLineFixture(userId: string, businessId: string): Promise<Record<string, string>> {
  const { importBankStatement } = await import("@/lib/features/bank/import-bank-statement");
  const fs = await import("node:fs");
  const bytes = new Uint8Array(fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/bank/camt053/plain.xml")));
  const { candidates } = await importBankStatement({ caller: { userId }, businessId, bytes });
  return { acceptBankLine: candidates[0]!.id, rejectBankLine: candidates[1]!.id };
}

/** The deadline of the fixture business that markDeadlineDone marks (see withDeadline). */
export const FIXTURE_DEADLINE_KEY = "VAT_RETURN_DUE:2026-Q2";

/**
 * Gives a fixture business (in the KOR since 2025, as createOwnedBusiness makes it) a
 * crossing on 1 April 2026, so it has the deadline FIXTURE_DEADLINE_KEY names: the first
 * VAT return after the crossing.
 */
export async function withDeadline(ownerId: string, businessId: string): Promise<void> {
  await createInvoice({
    caller: { userId: ownerId },
    businessId,
    input: validInvoice({ number: "CROSS-001", date: "2026-04-01", netCents: 2_000_000, vatCents: 0 }),
  });
}

const pathValue = (fixture: Fixture, name: string, operationId: string): string => {
  const values: Record<string, string> = {
    businessId: fixture.businessId,
    invoiceId: fixture.invoiceId,
    deadlineKey: FIXTURE_DEADLINE_KEY,
    period: "2024-Q4",
    ...(fixture.purchaseId ? { purchaseId: fixture.purchaseId } : {}),
  };
  const line = fixture.bankLines?.[operationId];
  if (line) values.lineId = line;
  if (!values[name]) throw new Error(`No fixture value for the path parameter {${name}}: add it to pathValue`);
  return values[name]!;
};

/** Calls the route handler of `operation` as the holder of `token`. */
export async function callOperation(
  operation: ApiOperation,
  options: { fixture: Fixture; token: string; query?: string; text?: string; contentType?: string; idempotencyKey?: string },
): Promise<Response> {
  const route = (await import(/* @vite-ignore */ operation.routeFile)) as Record<
    string,
    (request: Request, context: unknown) => Promise<Response>
  >;
  const params: Record<string, string> = {};
  const urlPath = operation.apiPath.replace(
    /\{(\w+)\}/g,
    (_, name: string) => (params[name] = pathValue(options.fixture, name, operation.operationId)),
  );
  const headers: Record<string, string> = {};
  if (options.contentType) headers["content-type"] = options.contentType;
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
  const request = apiRequest(operation.method, `${urlPath}${options.query ? `?${options.query}` : ""}`, {
    token: options.token,
    headers,
    rawBody: options.text,
  });
  return route[operation.method]!(request, ctx(params));
}

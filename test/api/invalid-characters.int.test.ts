// NUL and other characters no text field may hold (PostgreSQL refuses NUL with 22021;
// lone surrogates and C0 control characters other than tab, CR and LF are never text a
// person typed): every string field of every JSON request body of the OpenAPI document,
// at every depth, and every text query parameter, gets each of them. Each answer is 400
// with that field named; nothing answers 5xx and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { resetEnvCache } from "@/lib/platform/env";
import { createApiToken } from "@/lib/features/api-tokens/create-api-token";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { updateBusiness } from "@/lib/features/businesses/update-business";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { updateInvoice } from "@/lib/features/invoices/update-invoice";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { tokenFor, validInvoice } from "@/test/api/helpers";
import {
  bankLineFixture,
  branchesOf,
  callOperation,
  jsonOperations,
  purchaseFor,
  resolve,
  VALID_BODIES,
  type Fixture,
  type Schema,
  withDeadline,
} from "@/test/api/openapi-operations";
import { databaseChecksum } from "@/test/security/checksum";

const INVALID = { nul: "a\u0000b", loneSurrogate: "a\ud800b", escape: "a\u001bb", verticalTab: "a\u000bb" };

let fixture: Fixture;
let token: string;
const apiRateLimit = process.env.API_RATE_LIMIT;

beforeAll(async () => {
  process.env.API_RATE_LIMIT = "1000000";
  resetEnvCache();
  const owner = await createUser("nul");
  const business = await createOwnedBusiness(owner.id, "Nul BV");
  const invoice = await createInvoice({
    caller: { userId: owner.id },
    businessId: business.id,
    input: validInvoice({ number: "NUL-001" }),
  });
  await withDeadline(owner.id, business.id);
  fixture = {
    businessId: business.id,
    invoiceId: invoice.id,
    bankLines: await bankLineFixture(owner.id, business.id),
    purchaseId: await purchaseFor(owner.id, business.id),
  };
  token = await tokenFor(owner.id);
});

afterAll(() => {
  if (apiRateLimit === undefined) delete process.env.API_RATE_LIMIT;
  else process.env.API_RATE_LIMIT = apiRateLimit;
  resetEnvCache();
});

/** Paths ("customer.name", "euKor.memberStates.0") of every string the valid body holds, with the schema's string fields. */
function stringPaths(schema: Schema, value: unknown, prefix: string[] = []): string[][] {
  const inner = resolve(branchesOf(schema)?.find((s) => s.type !== "null") ?? schema);
  if (inner.type === "string") return [prefix];
  if (inner.type === "array" && inner.items && Array.isArray(value))
    return value.flatMap((item, i) => stringPaths(inner.items!, item, [...prefix, String(i)]));
  if (inner.type === "object" && inner.properties && value && typeof value === "object") {
    return Object.entries(inner.properties).flatMap(([key, property]) => {
      const child = (value as Record<string, unknown>)[key];
      const propertyType = resolve(branchesOf(property)?.find((s) => s.type !== "null") ?? property).type;
      // A string field the valid body leaves out is tried too; nested objects and arrays only where present.
      if (child === undefined && propertyType !== "string") return [];
      return stringPaths(property, child, [...prefix, key]);
    });
  }
  return [];
}

function withValue(body: Record<string, unknown>, path: string[], value: string): Record<string, unknown> {
  const copy = structuredClone(body);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

describe("invalid characters in the JSON API", () => {
  it("answers 400 naming the field for NUL, a lone surrogate or a control character in any string field of any body, and changes nothing", async () => {
    const query = <T>(sql: string, params: unknown[] = []) => db().$queryRawUnsafe<T[]>(sql, ...params);
    const before = await databaseChecksum(query);
    const operations = jsonOperations().filter((operation) => operation.body);
    expect(operations.map((operation) => operation.operationId)).toEqual(
      expect.arrayContaining(["createBusiness", "createInvoice", "updateInvoice"]),
    );
    const failures: string[] = [];
    // Bodies without any text field have nothing to test here; named, so a new one is seen.
    const withoutText: string[] = [];
    let sent = 0;
    for (const operation of operations) {
      const base = VALID_BODIES[operation.operationId]!(fixture);
      const paths = stringPaths(operation.body!, base);
      if (paths.length === 0) withoutText.push(operation.operationId);
      for (const path of paths) {
        for (const [kind, value] of Object.entries(INVALID)) {
          const body = withValue(base, path, value);
          // JSON.stringify writes a lone surrogate as \ud800, as a client's JSON would.
          const response = await callOperation(operation, {
            fixture,
            token,
            text: JSON.stringify(body),
            contentType: "application/json",
            idempotencyKey: operation.method === "POST" ? `nul-${sent}` : undefined,
          });
          sent++;
          const text = await response.text();
          const field = path.join(".");
          const fields =
            response.status === 400 ? ((JSON.parse(text) as { error: { fields?: Record<string, string> } }).error.fields ?? {}) : {};
          if (response.status !== 400 || !(field in fields))
            failures.push(`${operation.operationId} ${field} ${kind} → ${response.status} ${text.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(withoutText).toEqual(["rejectBankLine"]);
    expect(sent).toBeGreaterThan(40);
    expect(await databaseChecksum(query)).toEqual(before);
  }, 120_000);

  it("answers 400 naming the parameter for NUL in any text query parameter", async () => {
    const failures: string[] = [];
    for (const operation of jsonOperations().filter((operation) => operation.method === "GET" && operation.query.length)) {
      for (const parameter of operation.query) {
        const response = await callOperation(operation, {
          fixture,
          token,
          query: `${encodeURIComponent(parameter.name)}=${encodeURIComponent("a\u0000b")}`,
        });
        const text = await response.text();
        if (
          response.status >= 500 ||
          (response.status === 400 &&
            !(parameter.name in ((JSON.parse(text) as { error: { fields?: Record<string, string> } }).error.fields ?? {})))
        ) {
          failures.push(`${operation.operationId} ?${parameter.name} → ${response.status} ${text.slice(0, 200)}`);
        }
        if (response.status !== 400 && resolve(parameter.schema).type === "string" && !resolve(parameter.schema).enum)
          failures.push(`${operation.operationId} ?${parameter.name} → ${response.status}, not 400`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("gives the field's message in English", async () => {
    const operation = jsonOperations().find((candidate) => candidate.operationId === "createInvoice")!;
    const response = await callOperation(operation, {
      fixture,
      token,
      text: JSON.stringify(validInvoice({ description: "x\u0000" })),
      contentType: "application/json",
    });
    expect(response.status).toBe(400);
    expect((JSON.parse(await response.text()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      description: "Contains a character that is not allowed (such as NUL or a control character).",
    });
  });
});

describe("invalid characters in the forms (the domain functions their server actions call)", () => {
  it("refuses NUL and control characters with VALIDATION_FAILED naming each field, which the form shows beside it, and stores nothing", async () => {
    const owner = await createUser("nul-form");
    const caller = { userId: owner.id };
    const business = await createOwnedBusiness(owner.id, "Formulier BV");
    const invoice = await createInvoice({ caller, businessId: business.id, input: validInvoice({ number: "FORM-1" }) });
    const query = <T>(sql: string, params: unknown[] = []) => db().$queryRawUnsafe<T[]>(sql, ...params);
    const before = await databaseChecksum(query);
    const refusals = [
      [() => createBusiness({ caller, input: { name: "Nul\u0000 BV", kvkNumber: "12345678" } }), { name: "validation.invalidCharacters" }],
      [
        () => updateBusiness({ caller, businessId: business.id, input: { name: "Esc\u001b BV" } }),
        { name: "validation.invalidCharacters" },
      ],
      [
        () =>
          createInvoice({
            caller,
            businessId: business.id,
            input: validInvoice({ description: "a\u0000b", customer: { name: "Klant\ud800" } }),
          }),
        { description: "validation.invalidCharacters", "customer.name": "validation.invalidCharacters" },
      ],
      [
        () => updateInvoice({ caller, businessId: business.id, invoiceId: invoice.id, patch: { number: "F\u0000" } }),
        { number: "validation.invalidCharacters" },
      ],
      [() => createApiToken({ caller, input: { name: "token\u0007", scope: "read" } }), { name: "validation.invalidCharacters" }],
    ] as const;
    for (const [attempt, fields] of refusals)
      await expect(attempt()).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: expect.objectContaining(fields) });
    expect(await databaseChecksum(query)).toEqual(before);
    // Tab, CR and LF stay allowed in text (a description over several lines).
    await expect(
      updateInvoice({ caller, businessId: business.id, invoiceId: invoice.id, patch: { description: "regel 1\r\nregel 2\tkolom" } }),
    ).resolves.toMatchObject({ description: "regel 1\r\nregel 2\tkolom" });
  });
});

// Fuzzes every JSON endpoint the OpenAPI document describes: each operation with an
// application/json request body gets malformed bodies derived from its own schema (a
// required field missing, wrong types, numbers out of range, invalid dates, strings too
// long or off-pattern, unknown and prototype-pollution keys, deep nesting, unicode,
// bodies that are not objects), and each GET with query parameters gets invalid values.
// Every answer must be a 4xx in the API's error shape, never a 5xx, and the database
// must be byte-for-byte the same afterwards. Seeded, so a failure reproduces.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { resetEnvCache } from "@/lib/platform/env";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { tokenFor, validInvoice } from "@/test/api/helpers";
import {
  bankLineFixture,
  branchesOf,
  callOperation,
  document,
  jsonOperations,
  purchaseFor,
  resolve,
  VALID_BODIES,
  type ApiOperation,
  type Fixture,
  type Schema,
  withDeadline,
} from "@/test/api/openapi-operations";
import { databaseChecksum } from "@/test/security/checksum";

const ERROR_CODES = (document.components.schemas.Error!.properties!.error!.properties!.code!.enum ?? []) as string[];
const SEED = 20261123;
const RUNS_PER_BODY_OPERATION = 190;
const RUNS_PER_QUERY_OPERATION = 80;

// --- invalid values from a schema --------------------------------------------------------

/** Raw JSON text spliced into the body where the serializer meets it (numbers JSON.stringify cannot write). */
class RawJson {
  constructor(readonly text: string) {}
}

function serialize(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(serialize).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

const deepNesting = fc
  .integer({ min: 1_000, max: 60_000 })
  .chain((depth) =>
    fc.constantFrom(new RawJson(`${"[".repeat(depth)}${"]".repeat(depth)}`), new RawJson(`${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`)),
  );
const unicode = fc.constantFrom("２０２６", "ñ", "\u0000", "\ud800", "\u202e", "\u200b", "😀", "Ⅻ", "١٢", "ﬀ", "\uFEFF");
/**
 * encodeURIComponent, except that a lone surrogate ("\ud800", which encodeURIComponent
 * refuses with a URIError) is sent as its three WTF-8 bytes, as a hostile client would.
 */
function encodeQueryValue(raw: string): string {
  return Array.from(raw)
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      if (ch.length === 1 && cp >= 0xd800 && cp <= 0xdfff)
        return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
      return encodeURIComponent(ch);
    })
    .join("");
}
const hostileKeys = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "__defineGetter__",
  "hasOwnProperty",
  "toString",
  "$where",
  "__proto__.polluted",
);
const otherTypes = fc.oneof(
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 20 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);

const isBlank = (value: unknown) => typeof value === "string" && value.trim() === "";

/** Values the schema refuses for a property (required or not: blank strings and null never, they may mean "absent"). */
function invalidFor(schema: Schema, required: boolean): fc.Arbitrary<unknown> {
  const nullable = branchesOf(schema)?.some((s) => s.type === "null") ?? false;
  const inner = resolve(branchesOf(schema)?.find((s) => s.type !== "null") ?? schema);
  const options: fc.Arbitrary<unknown>[] = [];
  if (required && !nullable) options.push(fc.constant(null));
  const notOfType = (test: (value: unknown) => boolean) => otherTypes.filter((value) => !test(value) && !isBlank(value) && value !== null);
  switch (inner.type) {
    case "string": {
      options.push(notOfType((value) => typeof value === "string"));
      const trimmedOk = (value: string): boolean => {
        const t = value.trim();
        if (inner.enum) return inner.enum.some((e) => String(e).toLowerCase() === t.toLowerCase());
        if (inner.format === "date")
          return (
            /^\d{4}-\d{2}-\d{2}$/.test(t) &&
            !Number.isNaN(Date.parse(`${t}T00:00:00Z`)) &&
            new Date(`${t}T00:00:00Z`).toISOString().startsWith(t)
          );
        if (inner.format === "uuid") return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t);
        if (inner.pattern && !new RegExp(inner.pattern, "i").test(t)) return false;
        if (inner.maxLength !== undefined && t.length > inner.maxLength) return false;
        return true;
      };
      const constrained = inner.enum || inner.format || inner.pattern || inner.maxLength !== undefined;
      if (constrained) {
        const candidates = fc.oneof(
          fc.string({ minLength: 1, maxLength: 30 }),
          fc.tuple(fc.string({ maxLength: 6 }), unicode, fc.string({ maxLength: 6 })).map(([a, u, b]) => `${a}${u}${b}`),
          fc.constantFrom(
            "2026-02-30",
            "2026-13-01",
            "2025-02-29",
            "2026-1-1",
            "01-01-2026",
            "2026/01/01",
            "2026-01-01T00:00:00Z",
            "+02026-01-01",
            "０２０２６-01-01",
            "2026-01-01'--",
            "today",
            "Infinity",
          ),
          fc.integer({ min: 1, max: 4 }).map((n) => "x".repeat((inner.maxLength ?? 40) + n)),
          fc.integer({ min: 10_000, max: 900_000 }).map((n) => "ÿ".repeat(Math.floor(n / 2))),
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4j-style probe, literally
          fc.constantFrom("' OR '1'='1", '1; DROP TABLE "Invoice";--', "${jndi:ldap://x}", "<script>alert(1)</script>"),
        );
        options.push(candidates.filter((value) => !isBlank(value) && !trimmedOk(value)));
      }
      if (required && inner.minLength) options.push(fc.constantFrom(" ", "\t\n"));
      break;
    }
    case "integer":
    case "number": {
      options.push(notOfType((value) => typeof value === "number"));
      const low = inner.minimum ?? (inner.exclusiveMinimum !== undefined ? inner.exclusiveMinimum : -Infinity);
      const high = inner.maximum ?? Infinity;
      const outOfRange = fc
        .oneof(
          fc.constantFrom(1e21, -1e21, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -(Number.MAX_SAFE_INTEGER + 2)),
          Number.isFinite(high) ? fc.integer({ min: 1, max: 1_000_000 }).map((n) => high + n) : fc.constant(1e300),
          Number.isFinite(low) ? fc.integer({ min: 1, max: 1_000_000 }).map((n) => low - n) : fc.constant(-1e300),
        )
        .filter((value) => value > high || value < low || (inner.exclusiveMinimum !== undefined && value <= inner.exclusiveMinimum));
      // Only with a bound: without one nothing is out of range (a filter that never passes hangs fast-check).
      if (Number.isFinite(low) || Number.isFinite(high) || inner.exclusiveMinimum !== undefined) options.push(outOfRange);
      // A number from a fixed set (a VAT rate): any other number.
      if (inner.enum) {
        const allowed = new Set(inner.enum.map(Number));
        options.push(fc.integer({ min: -1_000, max: 1_000 }).filter((value) => !allowed.has(value)));
      }
      options.push(fc.constantFrom(new RawJson("1e400"), new RawJson("-1e400"), new RawJson("123456789012345678901234567890")));
      if (inner.exclusiveMinimum !== undefined) options.push(fc.constant(inner.exclusiveMinimum));
      if (inner.type === "integer")
        options.push(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).filter((value) => !Number.isInteger(value)));
      break;
    }
    case "boolean":
      options.push(fc.constantFrom("true", "false", 1, 0, "yes", [], {}));
      break;
    case "array": {
      options.push(notOfType((value) => Array.isArray(value)));
      if (inner.maxItems !== undefined && inner.items)
        options.push(
          fc.constant(
            Array.from({ length: inner.maxItems + 1 }, (_, i) => ({ from: `20${String(10 + i)}-01-01`, to: `20${String(10 + i)}-06-30` })),
          ),
        );
      if (inner.items) options.push(invalidFor(inner.items, true).map((item) => [item]));
      break;
    }
    case "object":
      options.push(notOfType((value) => typeof value === "object" && value !== null && !Array.isArray(value)));
      options.push(fc.constant([]));
      break;
    default:
      options.push(fc.constant(new RawJson("{}")));
  }
  return fc.oneof(...options);
}

type Malformed = { text: string; contentType: string; idempotencyKey?: string; what: string };

/** One body the schema refuses: the valid base broken in one (sometimes nested) place. */
function brokenObject(schema: Schema, base: Record<string, unknown>, depth = 0): fc.Arbitrary<{ value: unknown; what: string }> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const choices: fc.Arbitrary<{ value: unknown; what: string }>[] = [];
  const requiredPresent = [...required].filter((key) => key in base);
  if (requiredPresent.length) {
    choices.push(
      fc.constantFrom(...requiredPresent).map((key) => {
        const copy = { ...base };
        delete copy[key];
        return { value: copy, what: `missing ${key}` };
      }),
    );
  }
  choices.push(
    fc.constantFrom(...properties).chain(([key, propertySchema]) => {
      const inner = resolve(branchesOf(propertySchema)?.find((s) => s.type !== "null") ?? propertySchema);
      const nested =
        inner.type === "object" && inner.properties && base[key] && typeof base[key] === "object" && !Array.isArray(base[key]) && depth < 2;
      const invalid = invalidFor(propertySchema, required.has(key)).map((value) => ({
        value: { ...base, [key]: value },
        what: `bad ${key}`,
      }));
      if (!nested) return invalid;
      return fc.oneof(
        invalid,
        brokenObject(inner, base[key] as Record<string, unknown>, depth + 1).map(({ value, what }) => ({
          value: { ...base, [key]: value },
          what: `${key}.${what}`,
        })),
      );
    }),
  );
  if (schema.additionalProperties === false) {
    const known = new Set(properties.map(([key]) => key));
    const key = fc
      .oneof(
        hostileKeys,
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.tuple(fc.string({ maxLength: 4 }), unicode).map(([a, u]) => `${a}${u}`),
      )
      .filter((k) => !known.has(k));
    const value = fc.oneof(
      fc.anything({ maxDepth: 2 }).filter((v) => v !== undefined),
      deepNesting,
      fc.constant({ polluted: true, isAdmin: true }),
    );
    choices.push(fc.tuple(key, value).map(([k, v]) => ({ value: { ...base, [k]: v }, what: `unknown key ${JSON.stringify(k)}` })));
  }
  return fc.oneof(...choices);
}

function malformedBodies(operation: ApiOperation, base: Record<string, unknown>): fc.Arbitrary<Malformed> {
  const json = (value: unknown, what: string): Malformed => ({ text: serialize(value), contentType: "application/json", what });
  const withKey = fc.option(
    fc.string({ minLength: 1, maxLength: 20 }).filter((k) => /^[\x21-\x7e]+$/.test(k)),
    { nil: undefined, freq: 3 },
  );
  return fc
    .tuple(
      fc.oneof(
        { weight: 12, arbitrary: brokenObject(operation.body!, base).map(({ value, what }) => json(value, what)) },
        {
          weight: 2,
          arbitrary: fc
            .oneof(fc.constant(null), fc.constant([]), fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant([base]))
            .map((value) => json(value, "not an object")),
        },
        {
          weight: 2,
          arbitrary: deepNesting.map((value) => ({ text: value.text, contentType: "application/json", what: "deep nesting at the top" })),
        },
        {
          weight: 1,
          arbitrary: fc
            .integer({ min: 1, max: 40 })
            .map((cut) => ({ text: serialize(base).slice(0, -cut), contentType: "application/json", what: "truncated JSON" })),
        },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom("text/plain", "application/x-www-form-urlencoded", "application/xml", "")
            .map((contentType) => ({ text: serialize(base), contentType, what: `content type ${contentType || "none"}` })),
        },
        {
          weight: 1,
          arbitrary: fc.constant({ text: `{"x":"${"y".repeat(1024 * 1024)}"}`, contentType: "application/json", what: "over 1 MB" }),
        },
      ),
      operation.method === "POST" ? withKey : fc.constant(undefined),
    )
    .map(([malformed, idempotencyKey]) => ({ ...malformed, idempotencyKey }));
}

/** Query strings the parameter schemas refuse: one parameter broken, the rest absent. */
function malformedQueries(operation: ApiOperation): fc.Arbitrary<{ query: string; what: string }> {
  return fc
    .constantFrom(...operation.query)
    .chain((parameter) => {
      const schema = resolve(parameter.schema);
      const candidates = fc.oneof(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.constantFrom(
          "1.5",
          "-1",
          "0",
          "1e3x",
          "99999999999999999999",
          "NaN",
          "Infinity",
          "0x",
          "２０２６",
          "2026'",
          "1 OR 1=1",
          "1;SELECT pg_sleep(5)",
          "%00",
          "true",
          "[]",
        ),
        fc.tuple(fc.string({ maxLength: 4 }), unicode).map(([a, u]) => `${a}${u}`),
        fc.integer({ min: 101, max: 5_000 }).map((n) => "q".repeat(n)),
      );
      const accepted = (raw: string): boolean => {
        const t = raw.trim();
        if (t === "") return true;
        if (schema.type === "integer") {
          const n = Number(t);
          return Number.isInteger(n) && n >= (schema.minimum ?? -Infinity) && n <= (schema.maximum ?? Infinity);
        }
        if (schema.enum) return schema.enum.some((e) => String(e).toLowerCase() === t.toLowerCase());
        if (schema.maxLength !== undefined) return t.length <= schema.maxLength;
        return true;
      };
      const constrained = schema.type === "integer" || schema.enum || schema.maxLength !== undefined;
      if (!constrained) return fc.constant({ query: "", what: `${parameter.name}: unconstrained, skipped` });
      return candidates
        .filter((raw) => !accepted(raw))
        .map((raw) => ({
          query: `${encodeURIComponent(parameter.name)}=${encodeQueryValue(raw)}`,
          what: `${parameter.name}=${JSON.stringify(raw.slice(0, 40))}`,
        }));
    })
    .filter(({ query }) => query !== "");
}

// --- the run ----------------------------------------------------------------------------

let fixture: Fixture;
let token: string;
const operations = jsonOperations();

// More requests than the API's per-token limit allows in a minute: a 429 would pass as
// "refused" without the body ever reaching validation, so the limit is lifted here (the
// limit itself is tested in test/api/account-security.int.test.ts) and a 429 fails.
const apiRateLimit = process.env.API_RATE_LIMIT;
afterAll(() => {
  if (apiRateLimit === undefined) delete process.env.API_RATE_LIMIT;
  else process.env.API_RATE_LIMIT = apiRateLimit;
  resetEnvCache();
});

beforeAll(async () => {
  process.env.API_RATE_LIMIT = "1000000";
  resetEnvCache();
  const owner = await createUser("fuzz");
  const business = await createOwnedBusiness(owner.id, "Fuzz Eigen");
  const invoice = await createInvoice({
    caller: { userId: owner.id },
    businessId: business.id,
    input: validInvoice({ number: "FUZZ-001" }),
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

const send = (operation: ApiOperation, init: { query?: string; text?: string; contentType?: string; idempotencyKey?: string }) =>
  callOperation(operation, { ...init, fixture, token });

async function expectRefused(response: Response, what: string): Promise<void> {
  const text = await response.text();
  const label = `${what} → ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, label).toBeGreaterThanOrEqual(400);
  expect(response.status, label).toBeLessThan(500);
  const body = JSON.parse(text) as { error: { code: string; message: string; fields?: Record<string, unknown> } };
  expect(Object.keys(body), label).toEqual(["error"]);
  expect(ERROR_CODES, label).toContain(body.error.code);
  expect(body.error.message, label).toEqual(expect.any(String));
  for (const message of Object.values(body.error.fields ?? {})) expect(message, label).toEqual(expect.any(String));
  expect(text, label).not.toMatch(/prisma|postgres|invalid input syntax|at \w+ \(|\bstack\b/i);
}

describe("fuzz: every JSON endpoint of the OpenAPI document", () => {
  const bodyOperations = operations.filter((operation) => operation.body);
  const queryOperations = operations.filter((operation) => operation.method === "GET" && operation.query.length);

  it("finds the JSON endpoints and a valid body for each, which the API accepts", async () => {
    expect(bodyOperations.map((operation) => operation.operationId).sort()).toEqual(
      expect.arrayContaining(["createBusiness", "createInvoice", "updateInvoice"]),
    );
    expect(queryOperations.map((operation) => operation.operationId)).toEqual(expect.arrayContaining(["listInvoices", "getTurnover"]));
    for (const operation of bodyOperations) {
      const valid = VALID_BODIES[operation.operationId];
      expect(valid, `add a valid body for ${operation.operationId} to VALID_BODIES`).toBeDefined();
      const response = await send(operation, { text: JSON.stringify(valid!(fixture)), contentType: "application/json" });
      expect(response.status, `${operation.operationId}: ${await response.clone().text()}`).toBeLessThan(300);
    }
  });

  it("refuses at least 500 malformed bodies and query strings with a 4xx in the error shape and changes nothing", async () => {
    const query = <T>(sql: string, params: unknown[] = []) => db().$queryRawUnsafe<T[]>(sql, ...params);
    const before = await databaseChecksum(query);
    const sent: Record<string, number> = {};
    const statuses: Record<number, number> = {};
    const kinds: Record<string, number> = {};
    const count = (operation: ApiOperation, status: number) => {
      sent[operation.operationId] = (sent[operation.operationId] ?? 0) + 1;
      statuses[status] = (statuses[status] ?? 0) + 1;
    };
    for (const operation of bodyOperations) {
      const base = VALID_BODIES[operation.operationId]!(fixture);
      await fc.assert(
        fc.asyncProperty(malformedBodies(operation, base), async (malformed) => {
          const response = await send(operation, malformed);
          count(operation, response.status);
          const kind = malformed.what.replace(/^[\w.]*?(missing|bad|unknown key)\b.*$/, "$1").replace(/^content type .*/, "content type");
          kinds[kind] = (kinds[kind] ?? 0) + 1;
          await expectRefused(response, `${operation.operationId} (${malformed.what}) ${malformed.text.slice(0, 200)}`);
        }),
        { numRuns: RUNS_PER_BODY_OPERATION, seed: SEED },
      );
    }
    for (const operation of queryOperations) {
      await fc.assert(
        fc.asyncProperty(malformedQueries(operation), async ({ query: queryString, what }) => {
          const response = await send(operation, { query: queryString });
          count(operation, response.status);
          await expectRefused(response, `${operation.operationId} ?${what}`);
        }),
        { numRuns: RUNS_PER_QUERY_OPERATION, seed: SEED },
      );
    }
    const total = Object.values(sent).reduce((a, b) => a + b, 0);
    console.log(
      `fuzz: ${total} malformed requests sent ${JSON.stringify(sent)}; bodies by kind ${JSON.stringify(kinds)}; statuses ${JSON.stringify(statuses)}`,
    );
    expect(total).toBeGreaterThanOrEqual(500);
    expect(Object.keys(statuses).map(Number)).toEqual(expect.arrayContaining([400, 413, 415]));
    expect(statuses[429], "rate-limited requests never reached validation").toBeUndefined();
    expect(await databaseChecksum(query)).toEqual(before);
  }, 240_000);
});

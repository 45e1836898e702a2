// What the API does with bodies it should not accept: wrong content type (415), too
// large (413, declared or streamed), not JSON (400), not an object (400), unknown
// methods (405), and a fuzz run of malformed invoices that must all be refused with a
// 4xx and leave the invoice and audit tables as they were.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as businessesRoute from "@/app/api/v1/businesses/route";
import * as invoicesRoute from "@/app/api/v1/businesses/[businessId]/invoices/route";
import * as invoiceRoute from "@/app/api/v1/businesses/[businessId]/invoices/[invoiceId]/route";
import * as turnoverRoute from "@/app/api/v1/businesses/[businessId]/turnover/route";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import { db } from "@/lib/platform/db/client";
import { MAX_BODY_BYTES } from "@/lib/platform/api/read-json-body";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { apiRequest, ctx, readJson, tokenFor, validInvoice } from "@/test/api/helpers";

let business: BusinessDto;
let token: string;

beforeAll(async () => {
  const owner = await createUser("bodies");
  business = await createOwnedBusiness(owner.id, "Body BV");
  token = await tokenFor(owner.id);
});

const invoicesPath = () => `/api/v1/businesses/${business.id}/invoices`;
const post = (init: { body?: unknown; rawBody?: BodyInit; headers?: Record<string, string> }) =>
  invoicesRoute.POST(apiRequest("POST", invoicesPath(), { token, ...init }), ctx({ businessId: business.id }));

async function tableCounts() {
  const [invoices, audit, all] = await Promise.all([
    db().invoice.count({ where: { businessId: business.id } }),
    db().auditLog.count({ where: { businessId: business.id } }),
    db().$queryRaw<
      { invoices: bigint; audit: bigint }[]
    >`SELECT (SELECT count(*) FROM "Invoice") AS invoices, (SELECT count(*) FROM "AuditLog") AS audit`,
  ]);
  return { invoices, audit, totalInvoices: Number(all[0]!.invoices), totalAudit: Number(all[0]!.audit) };
}

describe("refused bodies", () => {
  it("415 for text/plain, and for no content type", async () => {
    const plain = await post({ rawBody: JSON.stringify(validInvoice()), headers: { "content-type": "text/plain" } });
    expect(plain.status).toBe(415);
    expect(await readJson(plain)).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
    expect((await post({ rawBody: JSON.stringify(validInvoice()) })).status).toBe(415);
  });

  it("accepts application/json with a charset", async () => {
    const response = await post({ body: validInvoice(), headers: { "content-type": "application/json; charset=utf-8" } });
    expect(response.status).toBe(201);
  });

  it("413 for a streamed body over 1 MB, without a Content-Length", async () => {
    const before = await tableCounts();
    const huge = JSON.stringify({ ...validInvoice(), description: "x".repeat(MAX_BODY_BYTES) });
    const response = await post({ rawBody: huge, headers: { "content-type": "application/json" } });
    expect(response.status).toBe(413);
    expect(await readJson(response)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(await tableCounts()).toEqual(before);
  });

  it("413 for a declared Content-Length over 1 MB, before reading", async () => {
    const response = await post({
      rawBody: JSON.stringify(validInvoice()),
      headers: { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) },
    });
    expect(response.status).toBe(413);
  });

  it("a body of exactly 1 MB is read (and refused only for its content)", async () => {
    const base = JSON.stringify({ ...validInvoice(), description: "" });
    const padded = base.replace('"description":""', `"description":"${"y".repeat(MAX_BODY_BYTES - base.length)}"`);
    expect(new TextEncoder().encode(padded).byteLength).toBe(MAX_BODY_BYTES);
    const response = await post({ rawBody: padded, headers: { "content-type": "application/json" } });
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.fields).toHaveProperty("description");
  });

  it("400 MALFORMED_JSON for broken JSON, an empty body and invalid UTF-8", async () => {
    for (const rawBody of ['{"number": "1",', "", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])]) {
      const response = await post({ rawBody, headers: { "content-type": "application/json" } });
      expect(response.status).toBe(400);
      expect(await readJson(response)).toMatchObject({ error: { code: "MALFORMED_JSON" } });
    }
  });

  it("400 VALIDATION_FAILED for JSON that is not an object", async () => {
    for (const body of [[], [validInvoice()], "text", 42, null, true]) {
      const response = await post({ body });
      expect(response.status).toBe(400);
      expect(await readJson(response)).toMatchObject({ error: { code: "VALIDATION_FAILED", fields: { _: expect.any(String) } } });
    }
  });

  it("answers every invalid field at once with readable English where the key is known", async () => {
    const response = await post({
      body: { ...validInvoice(), number: "", date: "2026-02-30", customer: { name: "" }, netCents: 12.5, colour: "red" },
    });
    const body = await readJson(response);
    expect(response.status).toBe(400);
    expect(body.error.fields).toEqual({
      number: "Please fill in this field.",
      date: "Enter a valid date (YYYY-MM-DD).",
      "customer.name": "Please fill in this field.",
      netCents: "Send an amount as a whole number of euro cents.",
      colour: "This field does not exist.",
    });
  });

  it("405 with Allow for methods a route does not offer", async () => {
    const cases: [Response, string][] = [
      [await businessesRoute.PUT(), "GET, POST"],
      [await businessesRoute.DELETE(), "GET, POST"],
      [await invoicesRoute.PUT(), "GET, POST"],
      [await invoicesRoute.PATCH(), "GET, POST"],
      [await invoicesRoute.DELETE(), "GET, POST"],
      [await invoiceRoute.POST(), "GET, PATCH, DELETE"],
      [await invoiceRoute.PUT(), "GET, PATCH, DELETE"],
      [await turnoverRoute.POST(), "GET"],
      [await openApiRoute.POST(), "GET"],
    ];
    for (const [response, allow] of cases) {
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe(allow);
      expect(await readJson(response)).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
    }
  });

  it("400 for a bad turnover year or invoice query, never 500", async () => {
    for (const year of ["abc", "1999", "2026.5", "99999999999999999999"]) {
      const response = await turnoverRoute.GET(
        apiRequest("GET", `/api/v1/businesses/${business.id}/turnover?year=${year}`, { token }),
        ctx({ businessId: business.id }),
      );
      expect(response.status).toBe(400);
      expect((await readJson(response)).error.fields).toHaveProperty("year");
    }
    for (const query of ["page=0", "pageSize=1000", "category=NOPE", "sort=password", "month=13", "counted=maybe"]) {
      const response = await invoicesRoute.GET(
        apiRequest("GET", `${invoicesPath()}?${query}`, { token }),
        ctx({ businessId: business.id }),
      );
      expect(response.status, query).toBe(400);
    }
  });
});

// --- fuzz -----------------------------------------------------------------------

const garbage = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.string({ maxLength: 30 }),
  fc.double(),
  fc.integer(),
  fc.constant(Number.MAX_SAFE_INTEGER),
  fc.constant(1e300),
  fc.constant(-0.5),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 2 }), { maxKeys: 3 }),
);

const REQUIRED = ["number", "date", "customer", "category", "netCents"] as const;

/** One valid invoice broken in one or more ways that the schema must refuse. */
const brokenInvoice = fc.oneof(
  // A required field missing.
  fc.constantFrom(...REQUIRED).map((field) => {
    const invoice: Record<string, unknown> = validInvoice();
    delete invoice[field];
    return invoice;
  }),
  // A field of the wrong type or value.
  fc
    .record({
      field: fc.constantFrom(
        "number",
        "date",
        "customer",
        "category",
        "netCents",
        "vatCents",
        "ancillary",
        "sequence",
        "currency",
        "exchangeRate",
        "kind",
        "creditsInvoiceId",
      ),
      value: garbage,
    })
    .filter(({ field, value }) => !isAcceptable(field, value))
    .map(({ field, value }) => ({ ...validInvoice(), [field]: value })),
  // Amounts that are floats, too big, or of the wrong sign.
  fc
    .oneof(
      fc.double({ noInteger: true, noNaN: true }),
      fc.integer({ min: 2_000_000_001 }),
      fc.constant(3e9),
      fc.constant(-1),
      fc.constant(Number.NaN),
    )
    .map((netCents) => ({ ...validInvoice(), netCents: Number.isNaN(netCents) ? "NaN" : netCents })),
  // Dates that do not exist or are not dates.
  fc
    .constantFrom(
      "2026-02-30",
      "2026-13-01",
      "2026-00-10",
      "2025-02-29",
      "26-01-01",
      "2026/01/01",
      "2026-1-1",
      "01-01-2026",
      "2026-01-01T00:00:00Z",
      "",
      "today",
    )
    .map((date) => ({ ...validInvoice(), date })),
  // Unknown categories.
  fc
    .string({ maxLength: 20 })
    .filter((value) => !/^(NL_|EU_|EXPORT|NON_EU|EXEMPT|OUT_OF)/.test(value))
    .map((category) => ({ ...validInvoice(), category })),
  // Unknown keys, at the top or in the customer.
  fc
    .string({ minLength: 1, maxLength: 12 })
    .filter(
      (key) =>
        !(key in validInvoice()) &&
        ![
          "kind",
          "country",
          "ancillary",
          "sequence",
          "description",
          "currency",
          "foreignCents",
          "exchangeRate",
          "creditsInvoiceId",
          "vatCents",
        ].includes(key),
    )
    .map((key) => ({ ...validInvoice(), [key]: 1 })),
  fc.constantFrom("email", "iban", "__proto__x", "extra").map((key) => ({ ...validInvoice(), customer: { name: "Klant", [key]: "x" } })),
  // Nested garbage in the customer.
  garbage
    .filter((value) => typeof value !== "object" || value === null || Array.isArray(value))
    .map((customer) => ({ ...validInvoice(), customer })),
  fc.record({ name: garbage.filter((v) => typeof v !== "string") }).map((customer) => ({ ...validInvoice(), customer })),
  // Rule violations: EU sale without a country, credit note with a positive amount.
  fc.constant({ ...validInvoice(), category: "EU_B2C_FOREIGN_VAT", customer: { name: "Kunde" } }),
  fc.constant({ ...validInvoice(), kind: "credit_note" }),
  fc.constant({ ...validInvoice(), currency: "USD" }),
);

function isAcceptable(field: string, value: unknown): boolean {
  // Values the schema rightly accepts for these optional fields.
  if (["sequence", "exchangeRate", "creditsInvoiceId"].includes(field) && value === null) return true;
  if (field === "sequence" && typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 1_000_000) return true;
  if (field === "ancillary" && value === false) return true;
  if (field === "netCents" && typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 2_000_000_000) return true;
  if (field === "kind" && ["invoice", "cash_sale", "advance_payment"].includes(value as string)) return true;
  if (field === "vatCents" && typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 2_000_000_000) return true;
  if (field === "currency" && (value === "" || (typeof value === "string" && value.trim().toUpperCase() === "EUR"))) return true;
  if (field === "creditsInvoiceId" && typeof value === "string" && value.trim() === "") return true;
  if (field === "number" && typeof value === "string" && value.trim().length > 0 && value.trim().length <= 40) return true;
  return false;
}

type Malformed = { rawBody: BodyInit; contentType?: string };

const malformedRequest: fc.Arbitrary<Malformed> = fc.oneof(
  { weight: 6, arbitrary: brokenInvoice.map((body) => ({ rawBody: JSON.stringify(body), contentType: "application/json" })) },
  {
    weight: 1,
    arbitrary: garbage
      .filter((v) => typeof v !== "object" || v === null || Array.isArray(v))
      .map((body) => ({ rawBody: JSON.stringify(body) ?? "null", contentType: "application/json" })),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ maxLength: 40 })
      .filter((text) => {
        try {
          JSON.parse(text);
          return false;
        } catch {
          return true;
        }
      })
      .map((rawBody) => ({ rawBody, contentType: "application/json" })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "")
      .map((contentType) => ({ rawBody: JSON.stringify(validInvoice()), contentType })),
  },
);

describe("fuzz: malformed invoice bodies", () => {
  it("refuses at least 200 malformed bodies with a 4xx and changes no table", async () => {
    const before = await tableCounts();
    const statuses = new Map<number, number>();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(malformedRequest, async ({ rawBody, contentType }) => {
        sent++;
        const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
        const response = await post({ rawBody, headers });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const body = await readJson(response);
        expect(response.status, `${contentType} ${String(rawBody).slice(0, 200)} → ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(body.error.code).toEqual(expect.any(String));
        expect(JSON.stringify(body)).not.toMatch(/prisma|postgres|at \w+ \(|invalid input syntax/i);
      }),
      { numRuns: 260, seed: 20261123 },
    );
    expect(sent).toBeGreaterThanOrEqual(200);
    expect(await tableCounts()).toEqual(before);
    // The run exercised more than one kind of refusal.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([400, 415]));
  }, 120_000);

  it("refuses malformed PATCH values the same way", async () => {
    const created = await invoicesRoute.POST(
      apiRequest("POST", invoicesPath(), { token, body: validInvoice() }),
      ctx({ businessId: business.id }),
    );
    const invoiceId = (await readJson(created)).data.id as string;
    const before = await tableCounts();
    const stored = JSON.stringify(await db().invoice.findUniqueOrThrow({ where: { id: invoiceId } }));
    const brokenPatch = fc
      .record({
        field: fc.constantFrom(
          "date",
          "customer",
          "category",
          "netCents",
          "vatCents",
          "ancillary",
          "sequence",
          "currency",
          "exchangeRate",
          "kind",
        ),
        value: garbage,
      })
      .filter(({ field, value }) => !isAcceptable(field, value))
      .map(({ field, value }) => ({ [field]: value }));
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(brokenPatch, async (patch) => {
        sent++;
        const response = await invoiceRoute.PATCH(
          apiRequest("PATCH", `${invoicesPath()}/${invoiceId}`, { token, body: patch }),
          ctx({ businessId: business.id, invoiceId }),
        );
        expect(response.status, JSON.stringify(patch)).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 80, seed: 7 },
    );
    expect(sent).toBe(80);
    expect(await tableCounts()).toEqual(before);
    expect(JSON.stringify(await db().invoice.findUniqueOrThrow({ where: { id: invoiceId } }))).toBe(stored);
  }, 120_000);
});

// Paired tenancy and authentication tests for every /api/v1 route and method: another
// user's token gets 404 and changes nothing; the owner's token is allowed; no
// credentials and a revoked token get 401; a READ token may read but not write.
import { beforeEach, describe, expect, it } from "vitest";
import * as businessesRoute from "@/app/api/v1/businesses/route";
import * as invoicesRoute from "@/app/api/v1/businesses/[businessId]/invoices/route";
import * as invoiceRoute from "@/app/api/v1/businesses/[businessId]/invoices/[invoiceId]/route";
import * as turnoverRoute from "@/app/api/v1/businesses/[businessId]/turnover/route";
import * as bankStatementsRoute from "@/app/api/v1/businesses/[businessId]/bank-statements/route";
import * as bankLinesRoute from "@/app/api/v1/businesses/[businessId]/bank-lines/route";
import * as acceptBankLineRoute from "@/app/api/v1/businesses/[businessId]/bank-lines/[lineId]/accept/route";
import * as rejectBankLineRoute from "@/app/api/v1/businesses/[businessId]/bank-lines/[lineId]/reject/route";
import fs from "node:fs";
import path from "node:path";
import { bankLineFixture } from "@/test/api/openapi-operations";
import * as euKorQuartersRoute from "@/app/api/v1/businesses/[businessId]/eu-kor/quarters/route";
import * as icpOssRoute from "@/app/api/v1/businesses/[businessId]/icp-oss/route";
import { db } from "@/lib/platform/db/client";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { apiRequest, ctx, readJson, revokedTokenFor, snapshot, tokenFor, validInvoice } from "@/test/api/helpers";

let business: BusinessDto;
let invoiceId: string;
let bankLines: Record<string, string>;
const yearEndStatement = fs.readFileSync(path.join(process.cwd(), "test/fixtures/bank/camt053/year-end.xml"), "utf8");
let tokens: { owner: string; ownerRead: string; outsider: string; revoked: string };

beforeEach(async () => {
  const owner = await createUser("owner");
  const outsider = await createUser("outsider");
  business = await createOwnedBusiness(owner.id, "Studio Eigen");
  invoiceId = (await createInvoice({ caller: { userId: owner.id }, businessId: business.id, input: validInvoice({ number: "2026-001" }) }))
    .id;
  bankLines = await bankLineFixture(owner.id, business.id);
  tokens = {
    owner: await tokenFor(owner.id),
    ownerRead: await tokenFor(owner.id, "read"),
    outsider: await tokenFor(outsider.id),
    revoked: await revokedTokenFor(owner.id),
  };
});

type Call = { name: string; write: boolean; ok: number; send: (token: string | null) => Promise<Response> };

const calls: Call[] = [
  {
    name: "GET /businesses/{id}/invoices",
    write: false,
    ok: 200,
    send: (token) =>
      invoicesRoute.GET(
        apiRequest("GET", `/api/v1/businesses/${business.id}/invoices?year=2026`, { token }),
        ctx({ businessId: business.id }),
      ),
  },
  {
    name: "POST /businesses/{id}/invoices",
    write: true,
    ok: 201,
    send: (token) =>
      invoicesRoute.POST(
        apiRequest("POST", `/api/v1/businesses/${business.id}/invoices`, { token, body: validInvoice({ number: "2026-002" }) }),
        ctx({ businessId: business.id }),
      ),
  },
  {
    name: "GET /businesses/{id}/invoices/{invoiceId}",
    write: false,
    ok: 200,
    send: (token) =>
      invoiceRoute.GET(
        apiRequest("GET", `/api/v1/businesses/${business.id}/invoices/${invoiceId}`, { token }),
        ctx({ businessId: business.id, invoiceId }),
      ),
  },
  {
    name: "PATCH /businesses/{id}/invoices/{invoiceId}",
    write: true,
    ok: 200,
    send: (token) =>
      invoiceRoute.PATCH(
        apiRequest("PATCH", `/api/v1/businesses/${business.id}/invoices/${invoiceId}`, {
          token,
          body: { netCents: 5_000, vatCents: 1_050 },
        }),
        ctx({ businessId: business.id, invoiceId }),
      ),
  },
  {
    name: "DELETE /businesses/{id}/invoices/{invoiceId}",
    write: true,
    ok: 200,
    send: (token) =>
      invoiceRoute.DELETE(
        apiRequest("DELETE", `/api/v1/businesses/${business.id}/invoices/${invoiceId}`, { token }),
        ctx({ businessId: business.id, invoiceId }),
      ),
  },
  {
    name: "GET /businesses/{id}/turnover",
    write: false,
    ok: 200,
    send: (token) =>
      turnoverRoute.GET(
        apiRequest("GET", `/api/v1/businesses/${business.id}/turnover?year=2026`, { token }),
        ctx({ businessId: business.id }),
      ),
  },
  {
    name: "POST /businesses/{id}/bank-statements",
    write: true,
    ok: 201,
    send: (token) =>
      bankStatementsRoute.POST(
        apiRequest("POST", `/api/v1/businesses/${business.id}/bank-statements`, {
          token,
          rawBody: yearEndStatement,
          headers: { "content-type": "application/xml" },
        }),
        ctx({ businessId: business.id }),
      ),
  },
  {
    name: "GET /businesses/{id}/bank-lines",
    write: false,
    ok: 200,
    send: (token) =>
      bankLinesRoute.GET(apiRequest("GET", `/api/v1/businesses/${business.id}/bank-lines`, { token }), ctx({ businessId: business.id })),
  },
  {
    name: "POST /businesses/{id}/bank-lines/{lineId}/accept",
    write: true,
    ok: 201,
    send: (token) =>
      acceptBankLineRoute.POST(
        apiRequest("POST", `/api/v1/businesses/${business.id}/bank-lines/${bankLines.acceptBankLine}/accept`, {
          token,
          body: { category: "NL_STANDARD" },
        }),
        ctx({ businessId: business.id, lineId: bankLines.acceptBankLine! }),
      ),
  },
  {
    name: "POST /businesses/{id}/bank-lines/{lineId}/reject",
    write: true,
    ok: 200,
    send: (token) =>
      rejectBankLineRoute.POST(
        apiRequest("POST", `/api/v1/businesses/${business.id}/bank-lines/${bankLines.rejectBankLine}/reject`, {
          token,
          body: { remember: true },
        }),
        ctx({ businessId: business.id, lineId: bankLines.rejectBankLine! }),
      ),
  },
  {
    name: "GET /businesses/{id}/eu-kor/quarters",
    write: false,
    ok: 200,
    send: (token) =>
      euKorQuartersRoute.GET(
        apiRequest("GET", `/api/v1/businesses/${business.id}/eu-kor/quarters?year=2026`, { token }),
        ctx({ businessId: business.id }),
      ),
  },
  {
    name: "GET /businesses/{id}/icp-oss",
    write: false,
    ok: 200,
    send: (token) =>
      icpOssRoute.GET(
        apiRequest("GET", `/api/v1/businesses/${business.id}/icp-oss?year=2026`, { token }),
        ctx({ businessId: business.id }),
      ),
  },
];

describe.each(calls)("$name", (call) => {
  it("answers 404 to another user's token and changes nothing", async () => {
    const before = await snapshot(business.id);
    const response = await call.send(tokens.outsider);
    expect(response.status).toBe(404);
    expect(await readJson(response)).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    expect(await snapshot(business.id)).toBe(before);
  });

  it("allows the owner's token", async () => {
    const response = await call.send(tokens.owner);
    expect(response.status).toBe(call.ok);
    expect((await readJson(response)).data).toBeTruthy();
  });

  it("answers 401 without credentials and changes nothing", async () => {
    const before = await snapshot(business.id);
    const response = await call.send(null);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await readJson(response)).error.code).toBe("UNAUTHENTICATED");
    expect(await snapshot(business.id)).toBe(before);
  });

  it("answers 401 to a revoked token and changes nothing", async () => {
    const before = await snapshot(business.id);
    const response = await call.send(tokens.revoked);
    expect(response.status).toBe(401);
    expect(await snapshot(business.id)).toBe(before);
  });

  it(call.write ? "refuses a READ token with 403 and changes nothing" : "allows a READ token", async () => {
    const before = await snapshot(business.id);
    const response = await call.send(tokens.ownerRead);
    if (call.write) {
      expect(response.status).toBe(403);
      expect((await readJson(response)).error.code).toBe("FORBIDDEN");
      expect(await snapshot(business.id)).toBe(before);
    } else {
      expect(response.status).toBe(200);
    }
  });
});

describe("what the owner's token does", () => {
  it("POST creates the invoice in the business, GET finds it, DELETE soft-deletes it", async () => {
    const created = await invoicesRoute.POST(
      apiRequest("POST", `/api/v1/businesses/${business.id}/invoices`, { token: tokens.owner, body: validInvoice({ number: "2026-010" }) }),
      ctx({ businessId: business.id }),
    );
    const { data } = await readJson(created);
    expect(data).toMatchObject({ businessId: business.id, number: "2026-010", netCents: 10_000, vatCents: 2_100, kind: "invoice" });
    const row = await db().invoice.findUniqueOrThrow({ where: { id: data.id } });
    expect(row.businessId).toBe(business.id);

    const list = await readJson(
      await invoicesRoute.GET(
        apiRequest("GET", `/api/v1/businesses/${business.id}/invoices?sort=number&dir=asc`, { token: tokens.owner }),
        ctx({ businessId: business.id }),
      ),
    );
    expect(list.data.map((invoice: { number: string }) => invoice.number)).toEqual(["2026-001", "2026-010"]);
    expect(list.totals).toEqual({ count: 2, netCents: 20_000, vatCents: 4_200 });
    expect(list.page).toEqual({ number: 1, size: 50, totalItems: 2, totalPages: 1 });

    const deleted = await invoiceRoute.DELETE(
      apiRequest("DELETE", `/api/v1/businesses/${business.id}/invoices/${data.id}`, { token: tokens.owner }),
      ctx({ businessId: business.id, invoiceId: data.id }),
    );
    expect((await readJson(deleted)).data.deletedAt).toEqual(expect.any(String));
    const again = await invoiceRoute.DELETE(
      apiRequest("DELETE", `/api/v1/businesses/${business.id}/invoices/${data.id}`, { token: tokens.owner }),
      ctx({ businessId: business.id, invoiceId: data.id }),
    );
    expect(again.status).toBe(404);
    const get = await invoiceRoute.GET(
      apiRequest("GET", `/api/v1/businesses/${business.id}/invoices/${data.id}`, { token: tokens.owner }),
      ctx({ businessId: business.id, invoiceId: data.id }),
    );
    expect(get.status).toBe(404);
  });

  it("PATCH merges into the stored invoice and revalidates the whole", async () => {
    const path = `/api/v1/businesses/${business.id}/invoices/${invoiceId}`;
    const params = ctx({ businessId: business.id, invoiceId });
    const ok = await invoiceRoute.PATCH(
      apiRequest("PATCH", path, { token: tokens.owner, body: { customer: { name: "Andere Klant" } } }),
      params,
    );
    expect((await readJson(ok)).data).toMatchObject({
      number: "2026-001",
      netCents: 10_000,
      customer: { name: "Andere Klant", country: "NL", type: "business" },
    });
    const before = await snapshot(business.id);
    const bad = await invoiceRoute.PATCH(apiRequest("PATCH", path, { token: tokens.owner, body: { netCents: -100 } }), params);
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).error.fields).toHaveProperty("netCents");
    expect(await snapshot(business.id)).toBe(before);
  });

  it("turnover counts the owner's invoice", async () => {
    const response = await turnoverRoute.GET(
      apiRequest("GET", `/api/v1/businesses/${business.id}/turnover?year=2026`, { token: tokens.owner }),
      ctx({ businessId: business.id }),
    );
    const { data } = await readJson(response);
    expect(data).toMatchObject({ year: 2026, korTurnoverCents: 10_000, kor: { crossing: null } });
    expect(data).toHaveProperty("unionTurnoverCents");
    expect(data).toHaveProperty("memberStateTurnoverCents");
    expect(data).toHaveProperty("alerts");
    expect(data).toHaveProperty("projection");
    expect(data.kor).toHaveProperty("eligibility");
  });

  it("an invoice id of another business is not found under this business", async () => {
    const other = await createUser("other");
    const otherBusiness = await createOwnedBusiness(other.id, "Elders");
    const foreign = await createInvoice({ caller: { userId: other.id }, businessId: otherBusiness.id, input: validInvoice() });
    const before = await snapshot(otherBusiness.id);
    const params = ctx({ businessId: business.id, invoiceId: foreign.id });
    const path = `/api/v1/businesses/${business.id}/invoices/${foreign.id}`;
    expect((await invoiceRoute.GET(apiRequest("GET", path, { token: tokens.owner }), params)).status).toBe(404);
    expect((await invoiceRoute.PATCH(apiRequest("PATCH", path, { token: tokens.owner, body: { netCents: 1 } }), params)).status).toBe(404);
    expect((await invoiceRoute.DELETE(apiRequest("DELETE", path, { token: tokens.owner }), params)).status).toBe(404);
    expect(await snapshot(otherBusiness.id)).toBe(before);
  });

  it("a malformed business or invoice id is 404, not a database error", async () => {
    const response = await invoiceRoute.GET(
      apiRequest("GET", "/api/v1/businesses/x/invoices/y", { token: tokens.owner }),
      ctx({ businessId: "1; DROP TABLE", invoiceId: "y" }),
    );
    expect(response.status).toBe(404);
  });
});

describe("/businesses", () => {
  it("GET lists the caller's businesses and none of another user's", async () => {
    const mine = await readJson(await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { token: tokens.owner }), ctx({})));
    expect(mine.data.map((b: { id: string }) => b.id)).toEqual([business.id]);
    expect(mine.data[0]).toMatchObject({ id: business.id, name: "Studio Eigen", role: "OWNER" });
    const theirs = await readJson(await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { token: tokens.outsider }), ctx({})));
    expect(theirs.data).toEqual([]);
  });

  it("GET allows a READ token; refuses no credentials and a revoked token", async () => {
    expect((await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { token: tokens.ownerRead }), ctx({}))).status).toBe(200);
    expect((await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", {}), ctx({}))).status).toBe(401);
    expect((await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { token: tokens.revoked }), ctx({}))).status).toBe(401);
  });

  it("POST creates a business owned by the caller alone", async () => {
    const response = await businessesRoute.POST(
      apiRequest("POST", "/api/v1/businesses", {
        token: tokens.outsider,
        body: { name: "Nieuw", korParticipations: [{ from: "2026-01-01" }] },
      }),
      ctx({}),
    );
    expect(response.status).toBe(201);
    const { data } = await readJson(response);
    expect(data).toMatchObject({ name: "Nieuw", role: "OWNER", korParticipations: [{ from: "2026-01-01", to: null }] });
    const members = await db().membership.findMany({ where: { businessId: data.id } });
    expect(members).toHaveLength(1);
    const owners = await readJson(await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { token: tokens.owner }), ctx({})));
    expect(owners.data.map((b: { id: string }) => b.id)).not.toContain(data.id);
  });

  it("POST refuses no credentials, a revoked token and a READ token, creating nothing", async () => {
    const before = await db().business.count();
    const send = (token: string | null) =>
      businessesRoute.POST(apiRequest("POST", "/api/v1/businesses", { token, body: { name: "Nee" } }), ctx({}));
    expect((await send(null)).status).toBe(401);
    expect((await send(tokens.revoked)).status).toBe(401);
    const read = await send(tokens.ownerRead);
    expect(read.status).toBe(403);
    expect(await readJson(read)).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect(await db().business.count()).toBe(before);
  });

  it("POST answers every invalid field at once, in English", async () => {
    const response = await businessesRoute.POST(
      apiRequest("POST", "/api/v1/businesses", { token: tokens.owner, body: { name: "", kvkNumber: "12" } }),
      ctx({}),
    );
    expect(response.status).toBe(400);
    expect(await readJson(response)).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message: "Validation failed",
        fields: { name: "Please fill in this field.", kvkNumber: "A KVK number has 8 digits." },
      },
    });
  });
});

describe("a read-only accountant", () => {
  it("may read through the API but not write (403, a member)", async () => {
    const accountant = await createUser("accountant");
    await db().membership.create({ data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: "READ_ONLY" } });
    const token = await tokenFor(accountant.id);
    expect((await calls[0]!.send(token)).status).toBe(200);
    const before = await snapshot(business.id);
    expect((await calls[1]!.send(token)).status).toBe(403);
    expect(await snapshot(business.id)).toBe(before);
  });
});

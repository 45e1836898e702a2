// Paired tenancy tests for the purchase and VAT-return routes (as isolation.int.test.ts
// does for the older routes): another user's token gets 404 and changes nothing; the
// owner's token is allowed; a READ token may read but not write.
import fs from "node:fs";
import nodePath from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import * as purchasesRoute from "@/app/api/v1/businesses/[businessId]/purchases/route";
import * as purchaseRoute from "@/app/api/v1/businesses/[businessId]/purchases/[purchaseId]/route";
import * as importRoute from "@/app/api/v1/businesses/[businessId]/purchases/import/route";
import * as eInvoicesRoute from "@/app/api/v1/businesses/[businessId]/purchases/e-invoices/route";
import * as vatReturnsRoute from "@/app/api/v1/businesses/[businessId]/vat-returns/route";
import * as vatReturnRoute from "@/app/api/v1/businesses/[businessId]/vat-returns/[period]/route";
import * as filingRoute from "@/app/api/v1/businesses/[businessId]/vat-returns/[period]/filing/route";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createPurchase } from "@/lib/features/purchases/save-purchase";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { apiRequest, ctx, readJson, snapshot, tokenFor } from "@/test/api/helpers";

let business: BusinessDto;
let purchaseId: string;
let tokens: { owner: string; ownerRead: string; outsider: string };
const purchaseBody = { date: "2026-03-04", supplier: { name: "Leverancier BV" }, netCents: 10_000, vatCents: 2_100 };
const csv = "datum;leverancier;netto;btw\n04-03-2026;Drukkerij BV;100,00;21,00\n";
const ubl = fs.readFileSync(nodePath.join(process.cwd(), "test/fixtures/ubl-purchases/purchase-s21.xml"));

beforeEach(async () => {
  const owner = await createUser("owner");
  const outsider = await createUser("outsider");
  business = await createOwnedBusiness(owner.id, "Inkoop Eigen");
  purchaseId = (await createPurchase({ caller: { userId: owner.id }, businessId: business.id, input: purchaseBody })).id;
  tokens = { owner: await tokenFor(owner.id), ownerRead: await tokenFor(owner.id, "read"), outsider: await tokenFor(outsider.id) };
});

type Call = { name: string; write: boolean; ok: number; send: (token: string) => Promise<Response> };
const path = () => `/api/v1/businesses/${business.id}`;

const calls: Call[] = [
  {
    name: "GET purchases",
    write: false,
    ok: 200,
    send: (token) => purchasesRoute.GET(apiRequest("GET", `${path()}/purchases?year=2026`, { token }), ctx({ businessId: business.id })),
  },
  {
    name: "POST purchases",
    write: true,
    ok: 201,
    send: (token) =>
      purchasesRoute.POST(apiRequest("POST", `${path()}/purchases`, { token, body: purchaseBody }), ctx({ businessId: business.id })),
  },
  {
    name: "GET purchase",
    write: false,
    ok: 200,
    send: (token) =>
      purchaseRoute.GET(apiRequest("GET", `${path()}/purchases/${purchaseId}`, { token }), ctx({ businessId: business.id, purchaseId })),
  },
  {
    name: "PATCH purchase",
    write: true,
    ok: 200,
    send: (token) =>
      purchaseRoute.PATCH(
        apiRequest("PATCH", `${path()}/purchases/${purchaseId}`, { token, body: { netCents: 20_000 } }),
        ctx({ businessId: business.id, purchaseId }),
      ),
  },
  {
    name: "DELETE purchase",
    write: true,
    ok: 200,
    send: (token) =>
      purchaseRoute.DELETE(
        apiRequest("DELETE", `${path()}/purchases/${purchaseId}`, { token }),
        ctx({ businessId: business.id, purchaseId }),
      ),
  },
  {
    name: "POST purchases/import",
    write: true,
    ok: 201,
    send: (token) =>
      importRoute.POST(
        apiRequest("POST", `${path()}/purchases/import`, { token, rawBody: csv, headers: { "content-type": "text/csv" } }),
        ctx({ businessId: business.id }),
      ),
  },
  {
    name: "POST purchases/e-invoices",
    write: true,
    ok: 201,
    send: (token) =>
      eInvoicesRoute.POST(
        apiRequest("POST", `${path()}/purchases/e-invoices`, { token, rawBody: ubl, headers: { "content-type": "application/xml" } }),
        ctx({ businessId: business.id }),
      ),
  },
  {
    name: "POST purchases/e-invoices?dryRun=true",
    write: true,
    ok: 200,
    send: (token) =>
      eInvoicesRoute.POST(
        apiRequest("POST", `${path()}/purchases/e-invoices?dryRun=true`, {
          token,
          rawBody: ubl,
          headers: { "content-type": "application/xml" },
        }),
        ctx({ businessId: business.id }),
      ),
  },
  {
    name: "GET vat-returns",
    write: false,
    ok: 200,
    send: (token) => vatReturnsRoute.GET(apiRequest("GET", `${path()}/vat-returns?year=2024`, { token }), ctx({ businessId: business.id })),
  },
  {
    name: "GET vat-returns/{period}",
    write: false,
    ok: 200,
    send: (token) =>
      vatReturnRoute.GET(
        apiRequest("GET", `${path()}/vat-returns/2024-Q4`, { token }),
        ctx({ businessId: business.id, period: "2024-Q4" }),
      ),
  },
  {
    name: "POST vat-returns/{period}/filing",
    write: true,
    ok: 201,
    send: (token) =>
      filingRoute.POST(
        apiRequest("POST", `${path()}/vat-returns/2024-Q4/filing`, { token, body: { filedOn: "2025-01-20" } }),
        ctx({ businessId: business.id, period: "2024-Q4" }),
      ),
  },
];

describe.each(calls)("$name", (call) => {
  it("answers 404 to another user's token and changes nothing", async () => {
    const before = await snapshot(business.id);
    const response = await call.send(tokens.outsider);
    expect(response.status).toBe(404);
    expect((await readJson(response)).error.code).toBe("NOT_FOUND");
    expect(await snapshot(business.id)).toBe(before);
  });

  it("allows the owner's token", async () => {
    const response = await call.send(tokens.owner);
    expect(response.status, await response.clone().text()).toBe(call.ok);
    expect((await readJson(response)).data).toBeTruthy();
  });

  it(call.write ? "refuses a READ token with 403 and changes nothing" : "allows a READ token", async () => {
    const before = await snapshot(business.id);
    const response = await call.send(tokens.ownerRead);
    expect(response.status).toBe(call.write ? 403 : 200);
    if (call.write) expect(await snapshot(business.id)).toBe(before);
  });
});

it("an outsider's purchase id in the owner's business path is not found either", async () => {
  const other = await createUser("other");
  const otherBusiness = await createOwnedBusiness(other.id, "Ander BV");
  const foreign = await createPurchase({ caller: { userId: other.id }, businessId: otherBusiness.id, input: purchaseBody });
  const response = await purchaseRoute.GET(
    apiRequest("GET", `${path()}/purchases/${foreign.id}`, { token: tokens.owner }),
    ctx({ businessId: business.id, purchaseId: foreign.id }),
  );
  expect(response.status).toBe(404);
});

// A purchase credit note names the purchase invoice it corrects (creditsPurchaseId), as a
// sales credit note names its invoice (#20): through POST and PATCH, only an invoice of the
// same business (another business's id is "not found" as a field message, never linked), only
// from a credit (negative amounts); a READ token may not link.
import { beforeEach, expect, it } from "vitest";
import * as purchasesRoute from "@/app/api/v1/businesses/[businessId]/purchases/route";
import * as purchaseRoute from "@/app/api/v1/businesses/[businessId]/purchases/[purchaseId]/route";
import en from "@/lib/platform/i18n/messages/en/index";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createPurchase } from "@/lib/features/purchases/save-purchase";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { apiRequest, ctx, readJson, snapshot, tokenFor } from "@/test/api/helpers";

let business: BusinessDto;
let invoiceId: string;
let foreignInvoiceId: string;
let tokens: { owner: string; ownerRead: string; outsider: string };
const invoiceBody = { reference: "INK-1", date: "2026-03-04", supplier: { name: "Leverancier BV" }, netCents: 10_000, vatCents: 2_100 };
const creditBody = (creditsPurchaseId: string | null) => ({
  reference: "CN-1",
  date: "2026-03-20",
  supplier: { name: "Leverancier BV" },
  netCents: -2_000,
  vatCents: -420,
  creditsPurchaseId,
});

beforeEach(async () => {
  const owner = await createUser("owner");
  const outsider = await createUser("outsider");
  business = await createOwnedBusiness(owner.id, "Inkoop Eigen");
  invoiceId = (await createPurchase({ caller: { userId: owner.id }, businessId: business.id, input: invoiceBody })).id;
  const otherBusiness = await createOwnedBusiness(outsider.id, "Ander BV");
  foreignInvoiceId = (await createPurchase({ caller: { userId: outsider.id }, businessId: otherBusiness.id, input: invoiceBody })).id;
  tokens = { owner: await tokenFor(owner.id), ownerRead: await tokenFor(owner.id, "read"), outsider: await tokenFor(outsider.id) };
});

const path = () => `/api/v1/businesses/${business.id}/purchases`;
const post = (token: string, body: unknown) =>
  purchasesRoute.POST(apiRequest("POST", path(), { token, body }), ctx({ businessId: business.id }));
const patch = (token: string, purchaseId: string, body: unknown) =>
  purchaseRoute.PATCH(apiRequest("PATCH", `${path()}/${purchaseId}`, { token, body }), ctx({ businessId: business.id, purchaseId }));

it("links a credit note to the invoice it corrects, and answers the link", async () => {
  const response = await post(tokens.owner, creditBody(invoiceId));
  expect(response.status, await response.clone().text()).toBe(201);
  const created = (await readJson(response)).data;
  expect(created).toMatchObject({ netCents: -2_000, creditsPurchaseId: invoiceId });
  const read = await purchaseRoute.GET(
    apiRequest("GET", `${path()}/${created.id}`, { token: tokens.owner }),
    ctx({ businessId: business.id, purchaseId: created.id }),
  );
  expect((await readJson(read)).data.creditsPurchaseId).toBe(invoiceId);
});

it("links and unlinks through PATCH", async () => {
  const created = (await readJson(await post(tokens.owner, creditBody(null)))).data;
  expect(created.creditsPurchaseId).toBeNull();
  const linked = await patch(tokens.owner, created.id, { creditsPurchaseId: invoiceId });
  expect(linked.status, await linked.clone().text()).toBe(200);
  expect((await readJson(linked)).data.creditsPurchaseId).toBe(invoiceId);
  const unlinked = await patch(tokens.owner, created.id, { creditsPurchaseId: null });
  expect((await readJson(unlinked)).data.creditsPurchaseId).toBeNull();
});

it("refuses another business's invoice as not found, with a field message, and stores nothing", async () => {
  const before = await snapshot(business.id);
  const response = await post(tokens.owner, creditBody(foreignInvoiceId));
  expect(response.status).toBe(400);
  expect((await readJson(response)).error.fields).toEqual({ creditsPurchaseId: en.validation.creditsPurchase });
  expect(await snapshot(business.id)).toBe(before);
});

it("refuses a link from a positive purchase, to a credit note, to itself, and a malformed id", async () => {
  const positive = await post(tokens.owner, { ...invoiceBody, reference: "INK-2", creditsPurchaseId: invoiceId });
  expect(positive.status).toBe(400);
  expect((await readJson(positive)).error.fields).toEqual({ creditsPurchaseId: en.validation.creditsPurchaseOnlyCredit });

  const credit = (await readJson(await post(tokens.owner, creditBody(invoiceId)))).data;
  const toCredit = await post(tokens.owner, { ...creditBody(credit.id), reference: "CN-2" });
  expect(toCredit.status).toBe(400);
  expect((await readJson(toCredit)).error.fields).toEqual({ creditsPurchaseId: en.validation.creditsPurchaseNotInvoice });

  const toItself = await patch(tokens.owner, credit.id, { creditsPurchaseId: credit.id });
  expect(toItself.status).toBe(400);
  expect((await readJson(toItself)).error.fields).toEqual({ creditsPurchaseId: en.validation.creditsPurchase });

  const malformed = await post(tokens.owner, creditBody("F-1"));
  expect(malformed.status).toBe(400);
  expect((await readJson(malformed)).error.fields).toEqual({ creditsPurchaseId: en.validation.creditsPurchase });
});

it("answers 404 to an outsider and 403 to a READ token, and changes nothing", async () => {
  const before = await snapshot(business.id);
  expect((await post(tokens.outsider, creditBody(invoiceId))).status).toBe(404);
  expect((await post(tokens.ownerRead, creditBody(invoiceId))).status).toBe(403);
  expect((await patch(tokens.ownerRead, invoiceId, { netCents: 1 })).status).toBe(403);
  expect(await snapshot(business.id)).toBe(before);
});

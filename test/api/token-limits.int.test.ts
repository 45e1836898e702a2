// API tokens that end and tokens limited to some businesses (issue #15): an expired
// token answers 401 like a revoked one; a token limited to one business finds none of
// the user's other businesses (404, and not in the list), and may not create businesses.
import { beforeEach, describe, expect, it } from "vitest";
import * as businessesRoute from "@/app/api/v1/businesses/route";
import * as invoicesRoute from "@/app/api/v1/businesses/[businessId]/invoices/route";
import * as turnoverRoute from "@/app/api/v1/businesses/[businessId]/turnover/route";
import { createApiToken } from "@/lib/features/api-tokens/create-api-token";
import { db } from "@/lib/platform/db/client";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { apiRequest, ctx, readJson, validInvoice } from "@/test/api/helpers";

let ownerId: string;
let first: string;
let second: string;

beforeEach(async () => {
  ownerId = (await createUser("token-limits")).id;
  first = (await createOwnedBusiness(ownerId, "Eerste BV")).id;
  second = (await createOwnedBusiness(ownerId, "Tweede BV")).id;
});

const listInvoices = (token: string, businessId: string) =>
  invoicesRoute.GET(apiRequest("GET", `/api/v1/businesses/${businessId}/invoices`, { token }), ctx({ businessId }));

describe("expired tokens", () => {
  it("answer 401 like a revoked token, and change nothing", async () => {
    const { token, secret } = await createApiToken({
      caller: { userId: ownerId },
      input: { name: "verloopt", scope: "read_write", expiresOn: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10) },
    });
    expect((await listInvoices(secret, first)).status).toBe(200);
    await db().apiToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const read = await listInvoices(secret, first);
    expect(read.status).toBe(401);
    expect((await readJson(read)).error.code).toBe("UNAUTHENTICATED");
    const write = await invoicesRoute.POST(
      apiRequest("POST", `/api/v1/businesses/${first}/invoices`, { token: secret, body: validInvoice() }),
      ctx({ businessId: first }),
    );
    expect(write.status).toBe(401);
    expect(await db().invoice.count({ where: { businessId: first } })).toBe(0);
  });
});

describe("tokens limited to some businesses", () => {
  it("reach only those: another of the user's businesses is not found, and not listed", async () => {
    const { secret } = await createApiToken({
      caller: { userId: ownerId },
      input: { name: "alleen eerste", scope: "read_write", businessIds: [first] },
    });
    expect((await listInvoices(secret, first)).status).toBe(200);
    const other = await listInvoices(secret, second);
    expect(other.status).toBe(404);
    expect((await readJson(other)).error.code).toBe("NOT_FOUND");
    const turnover = await turnoverRoute.GET(
      apiRequest("GET", `/api/v1/businesses/${second}/turnover`, { token: secret }),
      ctx({ businessId: second }),
    );
    expect(turnover.status).toBe(404);
    const write = await invoicesRoute.POST(
      apiRequest("POST", `/api/v1/businesses/${second}/invoices`, { token: secret, body: validInvoice() }),
      ctx({ businessId: second }),
    );
    expect(write.status).toBe(404);
    expect(await db().invoice.count({ where: { businessId: second } })).toBe(0);
    const list = await readJson(await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { token: secret }), ctx({})));
    expect(list.data.map((business: { id: string }) => business.id)).toEqual([first]);
    // A limited token cannot widen itself by creating a business.
    const created = await businessesRoute.POST(
      apiRequest("POST", "/api/v1/businesses", { token: secret, body: { name: "Derde BV" } }),
      ctx({}),
    );
    expect(created.status).toBe(403);
    expect(await db().membership.count({ where: { userId: ownerId } })).toBe(2);
  });

  it("an unlimited token still reaches every business of the user", async () => {
    const { secret } = await createApiToken({ caller: { userId: ownerId }, input: { name: "alles", scope: "read" } });
    expect((await listInvoices(secret, first)).status).toBe(200);
    expect((await listInvoices(secret, second)).status).toBe(200);
  });
});

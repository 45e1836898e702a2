// The web app's session cookie as API credentials: same-origin JSON works; a
// cross-site state change is refused; a changed password or deleted user ends it; an
// Authorization header is judged alone, never rescued by the cookie.
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import * as businessesRoute from "@/app/api/v1/businesses/route";
import * as invoicesRoute from "@/app/api/v1/businesses/[businessId]/invoices/route";
import * as invoiceRoute from "@/app/api/v1/businesses/[businessId]/invoices/[invoiceId]/route";
import { authOptions } from "@/lib/platform/auth/options";
import { startUserSession } from "@/lib/platform/auth/sessions/user-sessions";
import { db } from "@/lib/platform/db/client";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { apiRequest, ctx, readJson, snapshot, validInvoice } from "@/test/api/helpers";

let business: BusinessDto;
let user: { id: string; passwordVersion: number };
let cookie: string;

async function sessionCookie(uid: string, pwv: number, secret = authOptions.secret as string) {
  const sid = await startUserSession({ userId: uid });
  return `next-auth.session-token=${await encode({ token: { uid, pwv, sid, sub: uid }, secret })}`;
}

beforeEach(async () => {
  user = await createUser("session");
  business = await createOwnedBusiness(user.id, "Cookie BV");
  cookie = await sessionCookie(user.id, user.passwordVersion);
});

const invoicesPath = () => `/api/v1/businesses/${business.id}/invoices`;
const postWith = (headers: Record<string, string>) =>
  invoicesRoute.POST(
    apiRequest("POST", invoicesPath(), { body: validInvoice(), headers: { cookie, ...headers } }),
    ctx({ businessId: business.id }),
  );

describe("session cookie", () => {
  it("reads without an Origin (a GET is safe)", async () => {
    const response = await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { headers: { cookie } }), ctx({}));
    expect(response.status).toBe(200);
    expect((await readJson(response)).data.map((b: { id: string }) => b.id)).toEqual([business.id]);
  });

  it("creates with a same-origin Origin header", async () => {
    const response = await postWith({ origin: "http://localhost" });
    expect(response.status).toBe(201);
    expect(await db().invoice.count({ where: { businessId: business.id } })).toBe(1);
  });

  it("creates with Sec-Fetch-Site: same-origin and no Origin", async () => {
    expect((await postWith({ "sec-fetch-site": "same-origin" })).status).toBe(201);
  });

  it("refuses a cross-site POST, PATCH and DELETE with 403 and changes nothing", async () => {
    const invoice = await readJson(await postWith({ origin: "http://localhost" }));
    const invoiceId = invoice.data.id as string;
    const before = await snapshot(business.id);
    const evil = { cookie, origin: "https://evil.example" };
    const responses = [
      await postWith({ origin: "https://evil.example" }),
      await postWith({ origin: "null" }),
      await postWith({ "sec-fetch-site": "cross-site" }),
      await postWith({}),
      await invoiceRoute.PATCH(
        apiRequest("PATCH", `${invoicesPath()}/${invoiceId}`, { body: { netCents: 1 }, headers: evil }),
        ctx({ businessId: business.id, invoiceId }),
      ),
      await invoiceRoute.DELETE(
        apiRequest("DELETE", `${invoicesPath()}/${invoiceId}`, { headers: evil }),
        ctx({ businessId: business.id, invoiceId }),
      ),
    ];
    for (const response of responses) {
      expect(response.status).toBe(403);
      expect((await readJson(response)).error.code).toBe("FORBIDDEN");
    }
    expect(await snapshot(business.id)).toBe(before);
  });

  it("accepts the origin the browser used for this host (127.0.0.1 instead of localhost), still refusing other sites", async () => {
    // Next.js builds request.url from its own host name; the browser addressed 127.0.0.1.
    expect((await postWith({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" })).status).toBe(201);
    const before = await snapshot(business.id);
    const refused = [
      await postWith({ host: "127.0.0.1:3000", origin: "http://evil.example" }),
      await postWith({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3001" }),
      await postWith({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000.evil.example" }),
      // Forwarded headers count only from TRUSTED_PROXIES.
      await postWith({ host: "127.0.0.1:3000", "x-forwarded-host": "evil.example", origin: "http://evil.example" }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(403);
      expect((await readJson(response)).error).toMatchObject({
        code: "FORBIDDEN",
        message: "Cross-site request refused; use an API token",
      });
    }
    expect(await snapshot(business.id)).toBe(before);
  });

  it("answers 404 for another user's business, cookie or not", async () => {
    const outsider = await createUser("session-outsider");
    const outsiderCookie = await sessionCookie(outsider.id, outsider.passwordVersion);
    const before = await snapshot(business.id);
    const get = await invoicesRoute.GET(
      apiRequest("GET", invoicesPath(), { headers: { cookie: outsiderCookie } }),
      ctx({ businessId: business.id }),
    );
    const post = await invoicesRoute.POST(
      apiRequest("POST", invoicesPath(), { body: validInvoice(), headers: { cookie: outsiderCookie, origin: "http://localhost" } }),
      ctx({ businessId: business.id }),
    );
    expect([get.status, post.status]).toEqual([404, 404]);
    expect(await snapshot(business.id)).toBe(before);
  });

  it("ends when the password changes or the user is deleted", async () => {
    await db().user.update({ where: { id: user.id }, data: { passwordVersion: { increment: 1 } } });
    expect((await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { headers: { cookie } }), ctx({}))).status).toBe(401);
    const deleted = await createUser("deleted");
    const ghost = await sessionCookie(deleted.id, deleted.passwordVersion);
    expect((await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { headers: { cookie: ghost } }), ctx({}))).status).toBe(200);
    await db().user.delete({ where: { id: deleted.id } });
    expect((await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { headers: { cookie: ghost } }), ctx({}))).status).toBe(401);
  });

  it("refuses a cookie signed with another secret, or garbage", async () => {
    const forged = await sessionCookie(user.id, user.passwordVersion, "another-secret-0123456789abcdef");
    for (const value of [forged, "next-auth.session-token=garbage", "next-auth.session-token="]) {
      expect((await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { headers: { cookie: value } }), ctx({}))).status).toBe(
        401,
      );
    }
  });

  it("does not rescue a bad Authorization header with the cookie", async () => {
    for (const authorization of ["Bearer drp_nope", "Basic dXNlcjpwYXNz", "Bearer"]) {
      const response = await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { headers: { cookie, authorization } }), ctx({}));
      expect(response.status).toBe(401);
    }
  });

  it("does not accept a session JWT as a bearer token", async () => {
    const jwt = cookie.slice("next-auth.session-token=".length);
    const response = await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { token: jwt }), ctx({}));
    expect(response.status).toBe(401);
  });
});

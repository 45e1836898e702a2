// Credentials beyond the login: a password change or reset ends every older session
// (the session cookie carries the password version); API tokens are separate credentials
// and stay valid; the API, registration and password changes are rate-limited, and a
// refused request changes nothing.
import crypto from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as businessesRoute from "@/app/api/v1/businesses/route";
import * as invoicesRoute from "@/app/api/v1/businesses/[businessId]/invoices/route";
import { authOptions } from "@/lib/platform/auth/options";
import { listUserSessions, startUserSession } from "@/lib/platform/auth/sessions/user-sessions";
import { hashPassword } from "@/lib/platform/auth/password";
import { requestPasswordReset } from "@/lib/platform/auth/password-reset/request-password-reset";
import { resetPassword } from "@/lib/platform/auth/password-reset/reset-password";
import { db } from "@/lib/platform/db/client";
import { resetEnvCache } from "@/lib/platform/env";
import { createWorker } from "@/lib/platform/jobs/worker";
import { outboxOnlyTransport } from "@/lib/platform/mail/transport";
import { changePassword } from "@/lib/features/users/change-password";
import { registerUser } from "@/lib/features/users/register-user";
import { createOwnedBusiness } from "@/test/integration/factories";
import { apiRequest, ctx, readJson, snapshot, tokenFor, validInvoice } from "@/test/api/helpers";

const OLD_PASSWORD = "het-oude-wachtwoord";
const NEW_PASSWORD = "een-gloednieuw-wachtwoord";

async function makeUser() {
  const suffix = crypto.randomBytes(4).toString("hex");
  return db().user.create({
    data: { email: `account-${suffix}@test.drempel.nl`, name: `Account ${suffix}`, passwordHash: await hashPassword(OLD_PASSWORD) },
  });
}

async function sessionCookie(uid: string, pwv: number) {
  const sid = await startUserSession({ userId: uid });
  return `next-auth.session-token=${await encode({ token: { uid, pwv, sid, sub: uid }, secret: authOptions.secret as string })}`;
}

const listWithCookie = async (cookie: string) =>
  (await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { headers: { cookie } }), ctx({}))).status;
const listWithToken = async (token: string) =>
  (await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { token }), ctx({}))).status;
const userState = (id: string) => db().user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, passwordVersion: true } });

describe("changing the password", () => {
  it("ends the other sessions, keeps API tokens valid, and a session with the new version works", async () => {
    const user = await makeUser();
    const otherBrowser = await sessionCookie(user.id, user.passwordVersion);
    const token = await tokenFor(user.id, "read");
    expect(await listWithCookie(otherBrowser)).toBe(200);

    const { passwordVersion } = await changePassword({
      caller: { userId: user.id },
      input: { currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD },
    });

    expect(passwordVersion).toBe(user.passwordVersion + 1);
    expect(await listWithCookie(otherBrowser)).toBe(401);
    // What reissueSession writes for the browser that made the change.
    expect(await listWithCookie(await sessionCookie(user.id, passwordVersion))).toBe(200);
    expect(await listWithToken(token)).toBe(200);
  });

  it("refuses a wrong current password with a field message and changes nothing", async () => {
    const user = await makeUser();
    const before = await userState(user.id);
    await expect(
      changePassword({ caller: { userId: user.id }, input: { currentPassword: "niet-het-wachtwoord", newPassword: NEW_PASSWORD } }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { currentPassword: "validation.currentPasswordWrong" },
    });
    expect(await userState(user.id)).toEqual(before);
  });

  it("applies the registration password rule to the new password", async () => {
    const user = await makeUser();
    const before = await userState(user.id);
    await expect(
      changePassword({ caller: { userId: user.id }, input: { currentPassword: "", newPassword: "kort" } }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { currentPassword: "validation.required", newPassword: "validation.passwordShort" },
    });
    expect(await userState(user.id)).toEqual(before);
  });

  it("limits guesses of the current password: the 11th try is refused even when right", async () => {
    const user = await makeUser();
    for (let i = 0; i < 10; i++) {
      await expect(
        changePassword({ caller: { userId: user.id }, input: { currentPassword: `fout-${i}-wachtwoord`, newPassword: NEW_PASSWORD } }),
      ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    }
    const before = await userState(user.id);
    await expect(
      changePassword({ caller: { userId: user.id }, input: { currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD } }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await userState(user.id)).toEqual(before);
  });
});

describe("resetting the password", () => {
  it("ends every session, including the one that asked", async () => {
    const user = await makeUser();
    const session = await sessionCookie(user.id, user.passwordVersion);
    await requestPasswordReset({ input: { email: user.email } });
    await createWorker({
      transport: outboxOnlyTransport,
      appUrl: "http://drempel.test",
      kinds: ["PASSWORD_RESET_REQUEST", "PASSWORD_RESET_EMAIL"],
      log: () => {},
    }).runUntilIdle();
    const job = await db().outboxJob.findFirstOrThrow({ where: { userId: user.id, kind: "PASSWORD_RESET_EMAIL" } });
    const token = /token=([A-Za-z0-9_-]{43})/.exec(job.textBody ?? "")![1]!;
    expect(await listWithCookie(session)).toBe(200);
    await resetPassword({ input: { token, password: NEW_PASSWORD } });
    expect(await listWithCookie(session)).toBe(401);
    expect(await listUserSessions({ caller: { userId: user.id } }), "no session is listed as live").toEqual([]);
  });
});

describe("registration rate limit", () => {
  it("refuses the 11th registration from one IP within the hour with a wait, and creates no user", async () => {
    const ip = `198.51.100.${crypto.randomInt(1, 250)}-${crypto.randomBytes(3).toString("hex")}`;
    const email = (i: number) => `register-${i}-${crypto.randomBytes(3).toString("hex")}@test.drempel.nl`;
    for (let i = 0; i < 10; i++) await registerUser({ input: { name: `Nieuw ${i}`, email: email(i), password: NEW_PASSWORD }, ip });
    const refused = email(10);
    const error = await registerUser({ input: { name: "Te veel", email: refused, password: NEW_PASSWORD }, ip }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RATE_LIMITED" });
    expect((error as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(3500);
    expect(await db().user.count({ where: { email: refused } })).toBe(0);
    // Another IP may still register.
    await expect(
      registerUser({ input: { name: "Elders", email: refused, password: NEW_PASSWORD }, ip: "203.0.113.9" }),
    ).resolves.toMatchObject({ email: refused });
  });
});

describe("API rate limit", () => {
  const saved = { limit: process.env.API_RATE_LIMIT, window: process.env.API_RATE_WINDOW_SECONDS };
  beforeAll(() => {
    process.env.API_RATE_LIMIT = "3";
    process.env.API_RATE_WINDOW_SECONDS = "60";
    resetEnvCache();
  });
  afterAll(() => {
    for (const [name, value] of [
      ["API_RATE_LIMIT", saved.limit],
      ["API_RATE_WINDOW_SECONDS", saved.window],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvCache();
  });

  let owner: Awaited<ReturnType<typeof makeUser>>;
  let businessId: string;
  beforeEach(async () => {
    owner = await makeUser();
    businessId = (await createOwnedBusiness(owner.id, "Limiet BV")).id;
  });

  it("answers 429 with Retry-After and the API's error shape after the limit, per token", async () => {
    const token = await tokenFor(owner.id);
    for (let i = 0; i < 3; i++) expect(await listWithToken(token)).toBe(200);
    const refused = await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { token }), ctx({}));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await readJson(refused)).toEqual({ error: { code: "RATE_LIMITED", message: "Rate limit of 3 requests per 60 s exceeded" } });
    // Another token of the same user has its own budget.
    expect(await listWithToken(await tokenFor(owner.id, "read", "second"))).toBe(200);
  });

  it("a refused write changes nothing", async () => {
    const token = await tokenFor(owner.id);
    for (let i = 0; i < 3; i++) expect(await listWithToken(token)).toBe(200);
    const before = await snapshot(businessId);
    const response = await invoicesRoute.POST(
      apiRequest("POST", `/api/v1/businesses/${businessId}/invoices`, { token, body: validInvoice() }),
      ctx({ businessId }),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await snapshot(businessId)).toBe(before);
  });

  it("counts session calls per user", async () => {
    const cookie = await sessionCookie(owner.id, owner.passwordVersion);
    for (let i = 0; i < 3; i++) expect(await listWithCookie(cookie)).toBe(200);
    expect(await listWithCookie(cookie)).toBe(429);
    // A second browser of the same user shares the user's budget; a token does not.
    expect(await listWithCookie(await sessionCookie(owner.id, owner.passwordVersion))).toBe(429);
    expect(await listWithToken(await tokenFor(owner.id))).toBe(200);
  });

  it("does not count requests that fail authentication against anyone", async () => {
    const token = await tokenFor(owner.id);
    for (let i = 0; i < 5; i++) expect(await listWithToken(`drp_${"x".repeat(43)}`)).toBe(401);
    for (let i = 0; i < 3; i++) expect(await listWithToken(token)).toBe(200);
  });

  it("counts in process memory with API_RATE_LIMIT_STORE=memory, with the same answer", async () => {
    process.env.API_RATE_LIMIT_STORE = "memory";
    resetEnvCache();
    try {
      const token = await tokenFor(owner.id);
      const tokenId = (await db().apiToken.findFirstOrThrow({ where: { userId: owner.id }, orderBy: { createdAt: "desc" } })).id;
      for (let i = 0; i < 3; i++) expect(await listWithToken(token)).toBe(200);
      const refused = await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { token }), ctx({}));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await readJson(refused)).error.code).toBe("RATE_LIMITED");
      expect(await db().rateLimit.count({ where: { key: `api:token:${tokenId}` } })).toBe(0);
    } finally {
      delete process.env.API_RATE_LIMIT_STORE;
      resetEnvCache();
    }
  });

  it("opens again after the window", async () => {
    const token = await tokenFor(owner.id);
    const tokenId = (await db().apiToken.findFirstOrThrow({ where: { userId: owner.id }, orderBy: { createdAt: "desc" } })).id;
    for (let i = 0; i < 3; i++) await listWithToken(token);
    expect(await listWithToken(token)).toBe(429);
    await db().rateLimit.update({ where: { key: `api:token:${tokenId}` }, data: { resetAt: new Date(Date.now() - 1000) } });
    expect(await listWithToken(token)).toBe(200);
  });
});

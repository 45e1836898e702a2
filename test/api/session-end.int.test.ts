// Sessions that end (issue #15): a login is a server-side session whose id the cookie
// carries. After logging out, "log out everywhere" or the idle timeout, a copy of the old
// cookie opens nothing: not the pages (the guard behind every page, action and CSV
// download), not the API's cookie path, not the dashboard page cache. Logins are driven
// through next-auth's own configuration (the credentials provider's authorize, the jwt
// callback, the signOut event) and the cookie is encoded as next-auth encodes it.
import crypto from "node:crypto";
import { encode, type JWT } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as businessesRoute from "@/app/api/v1/businesses/route";
import { authOptions } from "@/lib/platform/auth/options";
import { db } from "@/lib/platform/db/client";
import { ContextPool } from "@/lib/platform/db/context-pool";
import { runAsSystem, runWithoutContext } from "@/lib/platform/db/db-context";
import { env } from "@/lib/platform/env";
import { fingerprintReader, type FingerprintReader } from "@/lib/platform/page-cache/dashboard-fingerprint";
import { createOwnedBusiness, createUserWithPassword } from "@/test/integration/factories";
import { apiRequest, ctx } from "@/test/api/helpers";

// The page guard reads the request's cookie through next-auth's getServerSession; outside
// Next.js it is given this test's cookie (next-auth's own three-argument form).
const requestCookies = vi.hoisted(() => ({ current: {} as Record<string, string> }));
vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return {
    ...actual,
    getServerSession: (options: Parameters<typeof actual.getServerSession>[0]) =>
      actual.getServerSession(
        { headers: {}, cookies: requestCookies.current } as never,
        { getHeader() {}, setCookie() {}, setHeader() {} } as never,
        options as never,
      ),
  };
});
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`NEXT_REDIRECT ${url}`), { redirectTo: url });
  },
}));

const { getCurrentUser, requireUser } = await import("@/lib/platform/auth/current-user");

const PASSWORD = "correct horse battery staple";
const COOKIE = "next-auth.session-token";

let pool: ContextPool;
let readFingerprint: FingerprintReader;

beforeAll(() => {
  pool = new ContextPool({ connectionString: env().appDatabaseUrl!, max: 2 });
  readFingerprint = fingerprintReader(pool);
});
afterAll(async () => {
  await pool.end();
});

type Login = { token: JWT; cookie: string };

const credentialsProvider = () =>
  (
    authOptions.providers[0] as unknown as {
      options: { authorize: (credentials: Record<string, string>, req: unknown) => Promise<Record<string, unknown> | null> };
    }
  ).options;

/** A login through next-auth's credentials provider and jwt callback; the cookie as next-auth writes it. */
async function login(email: string, options: { code?: string; userAgent?: string } = {}): Promise<Login> {
  const credentials: Record<string, string> = { email, password: PASSWORD };
  if (options.code) credentials.code = options.code;
  const headers = {
    "user-agent":
      options.userAgent ?? "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  };
  // As the web logs in: nobody is logged in yet (system mode is the worker's role's alone).
  const user = await runWithoutContext(() =>
    credentialsProvider().authorize(credentials, { headers, body: credentials, method: "POST", query: {} }),
  );
  if (!user) throw new Error("login refused");
  const token = await authOptions.callbacks!.jwt!({
    token: { sub: user.id as string, email, name: user.name as string },
    user: user as never,
    account: null,
    trigger: "signIn",
  } as never);
  const value = await encode({ token, secret: authOptions.secret as string, maxAge: authOptions.session!.maxAge });
  return { token, cookie: value };
}

async function logout(session: Login): Promise<void> {
  await authOptions.events?.signOut?.({ token: session.token, session: undefined as never });
}

async function pageGuardUser(session: Login) {
  requestCookies.current = { [COOKIE]: session.cookie };
  return getCurrentUser();
}

const apiStatus = async (session: Login) =>
  (await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { headers: { cookie: `${COOKIE}=${session.cookie}` } }), ctx({})))
    .status;

const cachedFingerprint = (session: Login, businessId: string) =>
  readFingerprint({ userId: session.token.uid as string, businessId, sessionId: session.token.sid as string });

let user: { id: string; email: string };
let businessId: string;

beforeEach(async () => {
  const registered = await createUserWithPassword({
    name: "Sessie Test",
    email: `session-${crypto.randomBytes(4).toString("hex")}@test.drempel.nl`,
    password: PASSWORD,
  });
  user = { id: registered.id, email: registered.email };
  businessId = (await createOwnedBusiness(user.id, "Sessie BV")).id;
});

describe("logging out", () => {
  it("ends the session on the server: the old cookie is refused by the page guard, the API and the page cache", async () => {
    const session = await login(user.email);
    expect((await pageGuardUser(session))?.id).toBe(user.id);
    expect(await apiStatus(session)).toBe(200);
    expect(await cachedFingerprint(session, businessId)).not.toBeNull();

    await logout(session);

    expect(await pageGuardUser(session)).toBeNull();
    await expect(requireUser()).rejects.toMatchObject({ redirectTo: "/login" });
    expect(await apiStatus(session)).toBe(401);
    expect(await cachedFingerprint(session, businessId)).toBeNull();
  });

  it("ends only that browser's session", async () => {
    const laptop = await login(user.email);
    const phone = await login(user.email);
    await logout(laptop);
    expect(await apiStatus(laptop)).toBe(401);
    expect(await apiStatus(phone)).toBe(200);
    expect((await pageGuardUser(phone))?.id).toBe(user.id);
  });
});

describe("the idle timeout", () => {
  const setLastSeen = (sessionId: string, minutesAgo: number) =>
    runAsSystem(() =>
      db().userSession.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(Date.now() - minutesAgo * 60_000) } }),
    );
  const lastSeen = async (sessionId: string) =>
    (await runAsSystem(() => db().userSession.findUniqueOrThrow({ where: { id: sessionId } }))).lastSeenAt.getTime();

  it("ends a session unused for SESSION_IDLE_MINUTES everywhere, and keeps one in use alive", async () => {
    const idleMinutes = env().SESSION_IDLE_MINUTES;
    const idle = await login(user.email);
    const active = await login(user.email);
    await setLastSeen(idle.token.sid as string, idleMinutes + 1);
    await setLastSeen(active.token.sid as string, idleMinutes - 1);

    expect(await pageGuardUser(idle)).toBeNull();
    expect(await apiStatus(idle)).toBe(401);
    expect(await cachedFingerprint(idle, businessId)).toBeNull();

    expect(await apiStatus(active)).toBe(200);
    // Its use moved lastSeenAt to now: the idle clock starts again.
    expect(Date.now() - (await lastSeen(active.token.sid as string))).toBeLessThan(60_000);
    expect((await pageGuardUser(active))?.id).toBe(user.id);
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const session = await login(user.email);
    const sid = session.token.sid as string;
    await setLastSeen(sid, 0.5);
    const before = await lastSeen(sid);
    expect(await apiStatus(session)).toBe(200);
    expect(await cachedFingerprint(session, businessId)).not.toBeNull();
    expect(await lastSeen(sid)).toBe(before);
    await setLastSeen(sid, 2);
    expect(await cachedFingerprint(session, businessId)).not.toBeNull();
    expect(Date.now() - (await lastSeen(sid))).toBeLessThan(60_000);
  });

  it("ends a session 30 days after the login however active it is", async () => {
    const session = await login(user.email);
    await runAsSystem(() =>
      db().userSession.update({ where: { id: session.token.sid as string }, data: { expiresAt: new Date(Date.now() - 1000) } }),
    );
    expect(await apiStatus(session)).toBe(401);
    expect(await pageGuardUser(session)).toBeNull();
  });
});

describe("the account page's sessions", () => {
  it("lists the user's live sessions with this one marked; log out one, then everywhere but here, then everywhere", async () => {
    const { listUserSessions, revokeAllUserSessions, revokeUserSession } = await import("@/lib/platform/auth/sessions/user-sessions");
    const here = await login(user.email, {
      userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    });
    const phone = await login(user.email);
    const tablet = await login(user.email);
    const caller = { userId: user.id };
    const listed = await listUserSessions({ caller, currentSessionId: here.token.sid as string });
    expect(listed.map((s) => s.id).sort()).toEqual([here, phone, tablet].map((s) => s.token.sid).sort());
    expect(listed.filter((s) => s.current).map((s) => s.id)).toEqual([here.token.sid]);

    await revokeUserSession({ caller, sessionId: phone.token.sid });
    expect(await apiStatus(phone)).toBe(401);
    expect(await apiStatus(tablet)).toBe(200);

    expect(await revokeAllUserSessions({ caller, keepSessionId: here.token.sid as string })).toBe(1);
    expect(await apiStatus(tablet)).toBe(401);
    expect(await apiStatus(here)).toBe(200);

    await revokeAllUserSessions({ caller });
    expect(await apiStatus(here)).toBe(401);
    expect(await cachedFingerprint(here, businessId)).toBeNull();
    expect(await listUserSessions({ caller })).toEqual([]);
  });

  it("a password change ends every other session, also in the list; the one that made it lives on", async () => {
    const { listUserSessions } = await import("@/lib/platform/auth/sessions/user-sessions");
    const { changePassword } = await import("@/lib/features/users/change-password");
    const here = await login(user.email);
    const elsewhere = await login(user.email);
    await changePassword({
      caller: { userId: user.id },
      input: { currentPassword: PASSWORD, newPassword: "another long secret 42" },
      keepSessionId: here.token.sid as string,
    });
    expect((await listUserSessions({ caller: { userId: user.id } })).map((s) => s.id)).toEqual([here.token.sid]);
    expect(await apiStatus(elsewhere)).toBe(401);
  });

  it("refuses to end another user's session: not found, and it stays alive", async () => {
    const { listUserSessions, revokeUserSession, revokeAllUserSessions } = await import("@/lib/platform/auth/sessions/user-sessions");
    const session = await login(user.email);
    const other = await createUserWithPassword({
      name: "Ander",
      email: `other-${crypto.randomBytes(4).toString("hex")}@test.drempel.nl`,
      password: PASSWORD,
    });
    await expect(revokeUserSession({ caller: { userId: other.id }, sessionId: session.token.sid })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await revokeAllUserSessions({ caller: { userId: other.id } });
    expect(await listUserSessions({ caller: { userId: other.id } })).toEqual([]);
    expect(await apiStatus(session)).toBe(200);
  });
});

describe("two-factor login", () => {
  async function enableTwoFactor(userId: string) {
    const { startTwoFactorSetup, confirmTwoFactorSetup } = await import("@/lib/platform/auth/two-factor/two-factor");
    const { generate } = await import("otplib");
    const enrolment = await startTwoFactorSetup({ caller: { userId } });
    expect(enrolment.qrSvg).toMatch(/^<svg/);
    expect(enrolment.uri).toContain(`secret=${enrolment.secret}`);
    // The code of the previous time step: the one after it is still unused for the login.
    const code = await generate({ secret: enrolment.secret, epoch: Math.floor(Date.now() / 1000) - 30 });
    const { recoveryCodes } = await confirmTwoFactorSetup({ caller: { userId }, input: { code } });
    return { secret: enrolment.secret, recoveryCodes };
  }
  const codeNow = async (secret: string, offsetSeconds = 0) =>
    (await import("otplib")).generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
  const sessionsOf = (userId: string) => runAsSystem(() => db().userSession.count({ where: { userId } }));

  it("asks for the code after a right password and gives no session without it, nor with a wrong one", async () => {
    await enableTwoFactor(user.id);
    const before = await sessionsOf(user.id);
    await expect(login(user.email)).rejects.toThrow("TWO_FACTOR_REQUIRED");
    await expect(login(user.email, { code: "000000" })).rejects.toThrow("TWO_FACTOR_INVALID");
    await expect(login(user.email, { code: "nonsense-code" })).rejects.toThrow("TWO_FACTOR_INVALID");
    expect(await sessionsOf(user.id)).toBe(before);
    // A wrong password with any code is the ordinary refusal.
    await expect(
      credentialsProvider().authorize({ email: user.email, password: "wrong password!", code: "000000" }, { headers: {} }),
    ).resolves.toBeNull();
  });

  it("accepts the current code once: the same code again is refused", async () => {
    const { secret } = await enableTwoFactor(user.id);
    const code = await codeNow(secret);
    const session = await login(user.email, { code });
    expect(await apiStatus(session)).toBe(200);
    await expect(login(user.email, { code })).rejects.toThrow("TWO_FACTOR_INVALID");
  });

  it("accepts each recovery code once", async () => {
    const { recoveryCodes } = await enableTwoFactor(user.id);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await runAsSystem(() => db().recoveryCode.findMany({ where: { userId: user.id } }));
    expect(stored.map((row) => row.codeHash)).not.toContain(recoveryCodes[0]);
    const session = await login(user.email, { code: recoveryCodes[0]!.toUpperCase() });
    expect(await apiStatus(session)).toBe(200);
    await expect(login(user.email, { code: recoveryCodes[0]! })).rejects.toThrow("TWO_FACTOR_INVALID");
    await expect(login(user.email, { code: recoveryCodes[1]! })).resolves.toBeTruthy();
  });

  it("limits code guesses like the password: after 10 wrong codes even the right one is refused", async () => {
    const { secret } = await enableTwoFactor(user.id);
    for (let i = 0; i < 10; i++)
      await expect(login(user.email, { code: String(100000 + i) })).rejects.toThrow(/TWO_FACTOR_INVALID|RATE_LIMITED/);
    await expect(login(user.email, { code: await codeNow(secret) })).rejects.toThrow("RATE_LIMITED");
  });

  it("is turned off only with the password and a code", async () => {
    const { disableTwoFactor, getTwoFactorStatus } = await import("@/lib/platform/auth/two-factor/two-factor");
    const { secret, recoveryCodes } = await enableTwoFactor(user.id);
    const caller = { userId: user.id };
    await expect(disableTwoFactor({ caller, input: { password: "wrong password!", code: await codeNow(secret) } })).rejects.toMatchObject({
      fields: { password: "validation.currentPasswordWrong" },
    });
    await expect(disableTwoFactor({ caller, input: { password: PASSWORD, code: "123456" } })).rejects.toMatchObject({
      fields: { code: "security.twoFactor.codeWrong" },
    });
    expect(await getTwoFactorStatus({ caller })).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    await disableTwoFactor({ caller, input: { password: PASSWORD, code: recoveryCodes[3]! } });
    expect(await getTwoFactorStatus({ caller })).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    await expect(login(user.email)).resolves.toBeTruthy();
  });
});

describe("a firm that requires two-factor login", () => {
  it("sends a member without it to the setup: pages redirect, actions and the API refuse, the account page stays open", async () => {
    const { createFirm, addFirmColleague } = await import("@/lib/features/accountant/firms");
    const { setFirmTwoFactorRequirement } = await import("@/lib/features/accountant/firm-two-factor");
    const { startTwoFactorSetup, confirmTwoFactorSetup } = await import("@/lib/platform/auth/two-factor/two-factor");
    const { generate } = await import("otplib");
    const { requireCaller, TWO_FACTOR_SETUP_PATH } = await import("@/lib/platform/auth/current-user");
    const admin = await createUserWithPassword({
      name: "Kantoor",
      email: `admin-${crypto.randomBytes(4).toString("hex")}@test.drempel.nl`,
      password: PASSWORD,
    });
    await createFirm({ caller: { userId: admin.id }, input: { name: "Kantoor BV" } });
    await runAsSystem(() => db().user.update({ where: { id: user.id }, data: { isAccountant: true } }));
    await addFirmColleague({ caller: { userId: admin.id }, input: { email: user.email } });
    const member = await login(user.email);

    // The administrator cannot require what they do not have themselves; a member cannot require it at all.
    await expect(setFirmTwoFactorRequirement({ caller: { userId: admin.id }, input: { required: true } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    await expect(setFirmTwoFactorRequirement({ caller: { userId: user.id }, input: { required: true } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const adminEnrolment = await startTwoFactorSetup({ caller: { userId: admin.id } });
    await confirmTwoFactorSetup({ caller: { userId: admin.id }, input: { code: await generate({ secret: adminEnrolment.secret }) } });
    await setFirmTwoFactorRequirement({ caller: { userId: admin.id }, input: { required: true } });

    expect(await pageGuardUser(member)).toMatchObject({ id: user.id, twoFactorSetupRequired: true });
    await expect(requireUser()).rejects.toMatchObject({ redirectTo: TWO_FACTOR_SETUP_PATH });
    await expect(requireCaller()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requireUser({ allowTwoFactorSetup: true })).resolves.toMatchObject({ id: user.id });
    expect(await apiStatus(member)).toBe(403);

    const enrolment = await startTwoFactorSetup({ caller: { userId: user.id } });
    await confirmTwoFactorSetup({ caller: { userId: user.id }, input: { code: await generate({ secret: enrolment.secret }) } });
    await expect(requireUser()).resolves.toMatchObject({ id: user.id, twoFactorSetupRequired: false });
    expect(await apiStatus(member)).toBe(200);
  });
});

describe("security events", () => {
  it("logs logins, failed logins, logouts, password, two-factor and token changes for the user alone", async () => {
    const { listSecurityEvents } = await import("@/lib/platform/audit/list-security-events");
    const { createApiToken } = await import("@/lib/features/api-tokens/create-api-token");
    const { revokeApiToken } = await import("@/lib/features/api-tokens/revoke-api-token");
    const { changePassword } = await import("@/lib/features/users/change-password");
    const session = await login(user.email);
    await expect(
      credentialsProvider().authorize(
        { email: user.email, password: "not the password" },
        { headers: { "x-forwarded-for": "203.0.113.7" } },
      ),
    ).resolves.toBeNull();
    const { token } = await createApiToken({ caller: { userId: user.id }, input: { name: "boekhoudpakket", scope: "read" } });
    await revokeApiToken({ caller: { userId: user.id }, tokenId: token.id });
    await logout(session);
    await changePassword({ caller: { userId: user.id }, input: { currentPassword: PASSWORD, newPassword: "another long secret 42" } });

    const events = await listSecurityEvents({ caller: { userId: user.id } });
    expect(events.map((event) => event.action)).toEqual([
      "passwordChange",
      "logout",
      "apiTokenRevoke",
      "apiTokenCreate",
      "loginFailed",
      "login",
    ]);
    expect(events.find((event) => event.action === "loginFailed")?.ip).toBe("203.0.113.7");
    expect(events.find((event) => event.action === "apiTokenCreate")?.detail).toBe("boekhoudpakket");

    // Another user reads none of them, even asking the table directly under row-level security.
    const other = await createUserWithPassword({
      name: "Ander",
      email: `other-${crypto.randomBytes(4).toString("hex")}@test.drempel.nl`,
      password: PASSWORD,
    });
    expect(await listSecurityEvents({ caller: { userId: other.id } })).toEqual([]);
    const { runAsUser } = await import("@/lib/platform/db/db-context");
    expect(await runAsUser(other.id, () => db().auditLog.count({ where: { actorId: user.id } }))).toBe(0);
    expect(await runAsUser(other.id, () => db().userSession.count({ where: { userId: user.id } }))).toBe(0);
  });

  it("logs nothing for a failed login of an unknown address", async () => {
    const before = await runAsSystem(() => db().auditLog.count({ where: { action: "security.loginFailed" } }));
    await expect(
      credentialsProvider().authorize(
        { email: `nobody-${crypto.randomBytes(4).toString("hex")}@test.drempel.nl`, password: "whatever it is" },
        { headers: {} },
      ),
    ).resolves.toBeNull();
    expect(await runAsSystem(() => db().auditLog.count({ where: { action: "security.loginFailed" } }))).toBe(before);
  });
});

describe("the worker's clean-up", () => {
  it("deletes ended sessions (logged out, idle, past 30 days) and keeps live ones", async () => {
    const { deleteExpiredRows } = await import("@/lib/platform/jobs/delete-expired-rows");
    const [live, loggedOut, idle, expired] = [
      await login(user.email),
      await login(user.email),
      await login(user.email),
      await login(user.email),
    ];
    await logout(loggedOut);
    await runAsSystem(async () => {
      await db().userSession.update({
        where: { id: idle.token.sid as string },
        data: { lastSeenAt: new Date(Date.now() - (env().SESSION_IDLE_MINUTES + 1) * 60_000) },
      });
      await db().userSession.update({ where: { id: expired.token.sid as string }, data: { expiresAt: new Date(Date.now() - 1000) } });
    });
    const deleted = await deleteExpiredRows(new Date());
    expect(deleted.userSessions).toBeGreaterThanOrEqual(3);
    const left = await runAsSystem(() => db().userSession.findMany({ where: { userId: user.id }, select: { id: true } }));
    expect(left.map((row) => row.id)).toEqual([live.token.sid]);
    expect(await apiStatus(live)).toBe(200);
  });
});

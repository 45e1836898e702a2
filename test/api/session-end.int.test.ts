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
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db/client";
import { ContextPool } from "@/lib/db/context-pool";
import { runAsSystem } from "@/lib/db/db-context";
import { env } from "@/lib/env";
import { fingerprintReader, type FingerprintReader } from "@/lib/page-cache/dashboard-fingerprint";
import { registerUser } from "@/lib/users/register-user";
import { createOwnedBusiness } from "@/test/integration/factories";
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

const { getCurrentUser, requireUser } = await import("@/lib/auth/current-user");

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
  (authOptions.providers[0] as unknown as { options: { authorize: (credentials: Record<string, string>, req: unknown) => Promise<Record<string, unknown> | null> } }).options;

/** A login through next-auth's credentials provider and jwt callback; the cookie as next-auth writes it. */
async function login(email: string, options: { code?: string; userAgent?: string } = {}): Promise<Login> {
  const credentials: Record<string, string> = { email, password: PASSWORD };
  if (options.code) credentials.code = options.code;
  const headers = { "user-agent": options.userAgent ?? "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" };
  const user = await credentialsProvider().authorize(credentials, { headers, body: credentials, method: "POST", query: {} });
  if (!user) throw new Error("login refused");
  const token = await authOptions.callbacks!.jwt!({ token: { sub: user.id as string, email, name: user.name as string }, user: user as never, account: null, trigger: "signIn" } as never);
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
  (await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { headers: { cookie: `${COOKIE}=${session.cookie}` } }), ctx({}))).status;

const cachedFingerprint = (session: Login, businessId: string) =>
  readFingerprint({ userId: session.token.uid as string, businessId, sessionId: session.token.sid as string });

let user: { id: string; email: string };
let businessId: string;

beforeEach(async () => {
  const registered = await registerUser({ input: { name: "Sessie Test", email: `session-${crypto.randomBytes(4).toString("hex")}@test.drempel.nl`, password: PASSWORD } });
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
    runAsSystem(() => db().userSession.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(Date.now() - minutesAgo * 60_000) } }));
  const lastSeen = async (sessionId: string) => (await runAsSystem(() => db().userSession.findUniqueOrThrow({ where: { id: sessionId } }))).lastSeenAt.getTime();

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
    await runAsSystem(() => db().userSession.update({ where: { id: session.token.sid as string }, data: { expiresAt: new Date(Date.now() - 1000) } }));
    expect(await apiStatus(session)).toBe(401);
    expect(await pageGuardUser(session)).toBeNull();
  });
});

describe("the account page's sessions", () => {
  it("lists the user's live sessions with this one marked; log out one, then everywhere but here, then everywhere", async () => {
    const { listUserSessions, revokeAllUserSessions, revokeUserSession } = await import("@/lib/auth/sessions/user-sessions");
    const here = await login(user.email, { userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15" });
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

  it("refuses to end another user's session: not found, and it stays alive", async () => {
    const { listUserSessions, revokeUserSession, revokeAllUserSessions } = await import("@/lib/auth/sessions/user-sessions");
    const session = await login(user.email);
    const other = await registerUser({ input: { name: "Ander", email: `other-${crypto.randomBytes(4).toString("hex")}@test.drempel.nl`, password: PASSWORD } });
    await expect(revokeUserSession({ caller: { userId: other.id }, sessionId: session.token.sid })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await revokeAllUserSessions({ caller: { userId: other.id } });
    expect(await listUserSessions({ caller: { userId: other.id } })).toEqual([]);
    expect(await apiStatus(session)).toBe(200);
  });
});

// The page cache in front of a stand-in for Next.js (a render function that counts its
// calls and writes a page with the request's nonce, as Next.js does), over real HTTP with
// real next-auth session cookies. Which rows the fingerprint covers is tested on
// PostgreSQL (dashboard-fingerprint.int.test.ts); the whole server in e2e/page-cache.spec.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authSecret } from "@/lib/platform/auth/secret";
import { createNonce } from "@/lib/platform/http/security-headers";
import type { DashboardFingerprint, FingerprintReader } from "./dashboard-fingerprint";
import { PageCache } from "./page-cache";
import { recordRenderFailure } from "./render-failures";

const OWNER = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const BUSINESS = "33333333-3333-4333-8333-333333333333";
const PAGE = `/businesses/${BUSINESS}`;

type RenderBehaviour = {
  status: number;
  setCookie?: boolean;
  fail?: boolean;
  nonce?: boolean;
  delayMs?: number;
  onRender?: () => void;
  writeHead?: boolean;
};

let behaviour: RenderBehaviour;
let renders: string[];
let fingerprints: Map<string, DashboardFingerprint | null>;
let readerError: Error | null;
/** Server-side sessions that have ended (logged out, idle): the fingerprint statement finds nothing for them. */
let endedSessions: Set<string>;
let server: Server;
let base: string;
let cache: PageCache;

// Next.js's part: the proxy's nonce in the CSP header, the Link header and the scripts, streamed in pieces.
async function render(req: IncomingMessage, res: ServerResponse): Promise<void> {
  renders.push(req.url ?? "");
  const { status, setCookie, fail, nonce: withNonce = true, delayMs = 0, onRender, writeHead } = behaviour;
  const nonce = createNonce();
  const headers: Record<string, string> = {
    "Content-Type": "text/html; charset=utf-8",
    ...(withNonce ? { "Content-Security-Policy": `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; frame-ancestors 'none'` } : {}),
    Link: `</_next/static/app.css>; rel=preload; as="style"; nonce="${nonce}"`,
    "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate",
    ...(setCookie ? { "Set-Cookie": "flash=1; Path=/" } : {}),
  };
  if (writeHead) {
    res.writeHead(status, headers);
  } else {
    res.statusCode = status;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  }
  res.write(`<!DOCTYPE html><html><head><script nonce="${nonce}">boot()</script></head><body>`);
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  onRender?.();
  if (fail) recordRenderFailure(req.headers as Record<string, string | string[] | undefined>);
  res.end(
    `<p>Omzet € 12.345,00 for ${req.headers["accept-encoding"] ?? "identity"}</p><script nonce="${nonce}">hydrate()</script></body></html>`,
  );
}

const SESSION = "33333333-3333-4333-8333-333333333333";

const reader: FingerprintReader = async ({ userId, businessId, sessionId }) => {
  if (readerError) throw readerError;
  if (endedSessions.has(sessionId)) return null;
  return fingerprints.get(`${userId}:${businessId}`) ?? null;
};

async function sessionCookie(
  userId: string,
  options: { passwordVersion?: number; maxAge?: number; sessionId?: string | null } = {},
): Promise<string> {
  const sid = options.sessionId === undefined ? SESSION : options.sessionId;
  const token = await encode({
    token: { uid: userId, pwv: options.passwordVersion ?? 1, ...(sid ? { sid } : {}) },
    secret: authSecret(),
    maxAge: options.maxAge ?? 3600,
  });
  return `next-auth.session-token=${token}`;
}

async function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; cached: string | null; body: string; csp: string | null; link: string | null; encoding: string | null }> {
  const response = await fetch(`${base}${path}`, { headers: { "accept-encoding": "identity", ...headers } });
  const raw = Buffer.from(await response.arrayBuffer());
  const encoding = response.headers.get("content-encoding");
  return {
    status: response.status,
    cached: response.headers.get("x-drempel-page-cache"),
    // fetch does not undo a gzip it did not ask for by name; undo it here to check the bytes.
    body: (encoding === "gzip" && raw[0] === 0x1f ? gunzipSync(raw) : raw).toString("utf8"),
    csp: response.headers.get("content-security-policy"),
    link: response.headers.get("link"),
    encoding,
  };
}

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "page-cache-test-secret-0123456789";
  server = createServer((req, res) => void cache.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  behaviour = { status: 200 };
  renders = [];
  readerError = null;
  endedSessions = new Set();
  fingerprints = new Map([[`${OWNER}:${BUSINESS}`, { passwordVersion: 1, fingerprint: "v1" }]]);
  cache = new PageCache(render, reader, { secureCookie: false });
});

describe("PageCache", () => {
  it("renders the first request and serves the next from the cache, each with a nonce of its own in the body and headers", async () => {
    const cookie = await sessionCookie(OWNER);
    const first = await get(PAGE, { cookie });
    const second = await get(PAGE, { cookie });
    const third = await get(PAGE, { cookie });
    expect(renders).toEqual([PAGE]);
    expect([first.cached, second.cached, third.cached]).toEqual(["miss", "hit", "hit"]);
    const nonces = [first, second, third].map((r) => nonceOf(r.csp));
    expect(new Set(nonces).size).toBe(3);
    for (const [i, response] of [first, second, third].entries()) {
      expect(response.status).toBe(200);
      expect(response.body.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${nonces[i]}"`, `nonce="${nonces[i]}"`]);
      expect(response.link).toContain(`nonce="${nonces[i]}"`);
      expect(response.body).toContain("Omzet € 12.345,00");
    }
    expect(second.body.replaceAll(nonces[1]!, "N")).toBe(first.body.replaceAll(nonces[0]!, "N"));
    expect(cache.stats).toMatchObject({ hit: 2, miss: 1, entries: 1 });
  });

  it("keeps the headers a render passes to writeHead() as well", async () => {
    behaviour = { status: 200, writeHead: true };
    const cookie = await sessionCookie(OWNER);
    await get(PAGE, { cookie });
    const hit = await get(PAGE, { cookie });
    expect(hit.cached).toBe("hit");
    const nonce = nonceOf(hit.csp);
    expect(nonce).toBeTruthy();
    expect(hit.link).toContain(`nonce="${nonce}"`);
    expect(hit.body).toContain(`<script nonce="${nonce}">hydrate()</script>`);
    behaviour = { status: 200, writeHead: true, setCookie: true };
    fingerprints.set(`${OWNER}:${BUSINESS}`, { passwordVersion: 1, fingerprint: "v2" });
    await get(PAGE, { cookie });
    expect((await get(PAGE, { cookie })).cached).toBe("miss");
  });

  it("gzips a cached page for a client that accepts it", async () => {
    const cookie = await sessionCookie(OWNER);
    await get(PAGE, { cookie });
    const gzipped = await get(PAGE, { cookie, "accept-encoding": "gzip, deflate, br" });
    expect(gzipped.cached).toBe("hit");
    expect(gzipped.encoding).toBe("gzip");
    const nonce = nonceOf(gzipped.csp)!;
    // Stored as rendered without compression: Next.js's render was asked without accept-encoding.
    expect(gzipped.body).toContain("Omzet € 12.345,00 for identity");
    expect(gzipped.body).toContain(`<script nonce="${nonce}">hydrate()</script>`);
  });

  it("renders again when the fingerprint, the language, the year or the day's key changes", async () => {
    const cookie = await sessionCookie(OWNER);
    await get(PAGE, { cookie });
    fingerprints.set(`${OWNER}:${BUSINESS}`, { passwordVersion: 1, fingerprint: "v2" });
    expect((await get(PAGE, { cookie })).cached).toBe("miss");
    expect((await get(PAGE, { cookie })).cached).toBe("hit");
    expect((await get(PAGE, { cookie: `${cookie}; NEXT_LOCALE=en` })).cached).toBe("miss");
    expect((await get(`${PAGE}?year=2025`, { cookie })).cached).toBe("miss");
    expect((await get(`${PAGE}?year=2025`, { cookie })).cached).toBe("hit");
    expect(renders).toEqual([PAGE, PAGE, PAGE, `${PAGE}?year=2025`]);
  });

  it("never serves one user's page to another: a user without access is rendered for (Next.js answers 404)", async () => {
    await get(PAGE, { cookie: await sessionCookie(OWNER) });
    behaviour = { status: 404 };
    const outsider = await get(PAGE, { cookie: await sessionCookie(OTHER) });
    expect(outsider.status).toBe(404);
    expect(outsider.cached).toBeNull();
    // Even with a fingerprint of its own the other user gets their own render, not the owner's page.
    behaviour = { status: 200 };
    fingerprints.set(`${OTHER}:${BUSINESS}`, { passwordVersion: 1, fingerprint: "v1" });
    expect((await get(PAGE, { cookie: await sessionCookie(OTHER) })).cached).toBe("miss");
    expect(renders).toHaveLength(3);
  });

  it("passes to Next.js without a session, with a stale password version, an expired or forged cookie, or no answer from the database; a malformed other cookie is no error", async () => {
    const cookie = await sessionCookie(OWNER);
    await get(PAGE, { cookie });
    expect((await get(PAGE)).cached).toBeNull();
    expect((await get(PAGE, { cookie: await sessionCookie(OWNER, { passwordVersion: 2 }) })).cached).toBeNull();
    expect((await get(PAGE, { cookie: await sessionCookie(OWNER, { maxAge: -10 }) })).cached).toBeNull();
    expect(
      (await get(PAGE, { cookie: await sessionCookie(OWNER, { sessionId: null }) })).cached,
      "a cookie from before server-side sessions",
    ).toBeNull();
    expect((await get(PAGE, { cookie: `${cookie.slice(0, -4)}AAAA` })).cached).toBeNull();
    const malformed = await get(PAGE, { cookie: `x=%E0%A4%A; ${cookie}` });
    expect(malformed.status).toBe(200);
    expect(malformed.cached).toBe("hit");
    readerError = new Error("connect ECONNREFUSED 127.0.0.1:5432");
    expect((await get(PAGE, { cookie })).cached).toBeNull();
    expect(renders).toHaveLength(7);
  });

  it("never serves a page to the cookie of a session that has ended on the server (logged out, idle, ended elsewhere)", async () => {
    const cookie = await sessionCookie(OWNER);
    await get(PAGE, { cookie });
    expect((await get(PAGE, { cookie })).cached).toBe("hit");
    endedSessions.add(SESSION);
    const replayed = await get(PAGE, { cookie });
    expect(replayed.cached).toBeNull();
    expect(renders).toHaveLength(2); // rendered by Next.js, whose guard sends it to the login page
  });

  it("leaves other pages, other queries and the client router's requests to Next.js", async () => {
    const cookie = await sessionCookie(OWNER);
    await get(PAGE, { cookie });
    for (const [path, headers] of [
      [`${PAGE}/invoices`, {}],
      [`${PAGE}?year=2025&tab=x`, {}],
      [`${PAGE}?render=1`, {}],
      [PAGE, { rsc: "1" }],
      [PAGE, { "next-router-prefetch": "1" }],
      [PAGE, { "next-action": "abc" }],
    ] as const) {
      expect((await get(path, { cookie, ...headers })).cached, `${path} ${JSON.stringify(headers)}`).toBeNull();
    }
    const head = await fetch(`${base}${PAGE}`, { method: "HEAD", headers: { cookie } });
    expect(head.headers.get("x-drempel-page-cache")).toBeNull();
    expect(renders).toHaveLength(8);
  });

  it("keeps no page that failed, was not found, set a cookie or had no nonce", async () => {
    const cookie = await sessionCookie(OWNER);
    for (const failing of [
      { status: 200, fail: true },
      { status: 404 },
      { status: 500 },
      { status: 200, setCookie: true },
      { status: 200, nonce: false },
    ]) {
      behaviour = failing;
      expect((await get(PAGE, { cookie })).cached).toBe("miss");
      expect((await get(PAGE, { cookie })).cached, JSON.stringify(failing)).toBe("miss");
    }
    expect(cache.stats.entries).toBe(0);
  });

  it("keeps no page when what it shows changed while it rendered: it may show the new state under the old key", async () => {
    const cookie = await sessionCookie(OWNER);
    // A notification arrives during the render (v2), and is read just after (the count is as at v1 again).
    behaviour = { status: 200, onRender: () => fingerprints.set(`${OWNER}:${BUSINESS}`, { passwordVersion: 1, fingerprint: "v2" }) };
    await get(PAGE, { cookie });
    fingerprints.set(`${OWNER}:${BUSINESS}`, { passwordVersion: 1, fingerprint: "v1" });
    behaviour = { status: 200 };
    expect((await get(PAGE, { cookie })).cached).toBe("miss");
    expect((await get(PAGE, { cookie })).cached).toBe("hit");
    expect(renders).toHaveLength(2);
  });

  it("renders once for requests that arrive together", async () => {
    const cookie = await sessionCookie(OWNER);
    behaviour = { status: 200, delayMs: 100 };
    const responses = await Promise.all(Array.from({ length: 8 }, () => get(PAGE, { cookie })));
    expect(renders).toHaveLength(1);
    expect(responses.map((r) => r.cached).sort()).toEqual(["hit", "hit", "hit", "hit", "hit", "hit", "hit", "miss"]);
    expect(new Set(responses.map((r) => nonceOf(r.csp))).size).toBe(8);
  });

  it("holds at most its limit of pages, the least recently used out first", async () => {
    cache = new PageCache(render, reader, { secureCookie: false, limit: 2 });
    const cookie = await sessionCookie(OWNER);
    for (const year of ["2024", "2025", "2026"]) await get(`${PAGE}?year=${year}`, { cookie });
    expect(cache.stats.entries).toBe(2);
    expect((await get(`${PAGE}?year=2026`, { cookie })).cached).toBe("hit");
    expect((await get(`${PAGE}?year=2024`, { cookie })).cached).toBe("miss");
  });
});

// Whole rendered dashboard pages, served again while nothing they show has changed.
// Rendering the dashboard costs the web server ~50–60 ms of CPU (React's server render of
// its charts, tables and payload); a page served from here, gzipped, about 0.5 ms
// (bench/load.ts). An entry is found by who asks and by everything the page shows: the user,
// the business, the year asked for, the language, today's date and the fingerprint of
// the page's rows (dashboard-fingerprint.ts), read afresh from the database for every
// request, under the user's row-level security. So a change to the books, the business,
// the membership, the user or their notifications makes a new key at once, on every
// server; old entries are never served again and age out. Nothing is invalidated.
//
// Only full page loads of /businesses/{id} (optionally ?year=YYYY) with a valid session
// are cached; anything else (client navigations, server actions, other pages, no or a
// stale session, no access, a database that does not answer) goes to Next.js as before.
// A page is kept only if it rendered completely: status 200, HTML, no cookie set, and no
// error reported for the render (instrumentation.ts's onRequestError, see
// render-failures.ts). Each response gets its own CSP nonce: the stored page's nonce is
// replaced in the body and the headers.
import { randomUUID, createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { finished } from "node:stream/promises";
import { decode } from "next-auth/jwt";
import { authSecret } from "@/lib/platform/auth/secret";
import { sessionCookieName } from "@/lib/platform/auth/session-cookie";
import { BoundedCache } from "@/lib/platform/cache/bounded-cache";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { LOCALE_COOKIE, toLocale } from "@/lib/platform/i18n/config";
import { createNonce } from "@/lib/platform/http/security-headers";
import type { FingerprintReader } from "./dashboard-fingerprint";
import { NonceBody } from "./nonce-body";
import { RENDER_ID_HEADER, takeRenderFailure } from "./render-failures";

export const PAGE_CACHE_HEADER = "x-drempel-page-cache";

const DASHBOARD = /^\/businesses\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const YEAR_QUERY = /^(?:year=(\d{4}))?$/;
// Requests of Next.js's client router (navigation, prefetch, server actions) get the
// React payload, not the page's HTML.
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];
// Set per response by Node.js, or meaningless for a stored body.
const NOT_STORED = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "date", "content-encoding"]);

export type Render = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

type Entry = { body: NonceBody; nonce: string; headers: [string, string | string[]][] };
type Session = { userId: string; sessionId: string; passwordVersion: number; expires: number };
type Outcome = "hit" | "miss" | "bypass";

export type PageCacheStats = Record<Outcome, number> & { entries: number };

function decodeValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // not percent-encoded after all: used as sent, as Next.js does
  }
}

function cookiesOf(req: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>();
  for (const pair of (req.headers.cookie ?? "").split(";")) {
    const index = pair.indexOf("=");
    if (index > 0) jar.set(pair.slice(0, index).trim(), decodeValue(pair.slice(index + 1).trim()));
  }
  return jar;
}

/** The dashboard's business id and year query, when this request may be answered from the cache. */
export function cacheableDashboard(req: IncomingMessage): { businessId: string; year: string } | null {
  if (req.method !== "GET") return null;
  const url = req.url ?? "";
  const q = url.indexOf("?");
  const match = DASHBOARD.exec(q < 0 ? url : url.slice(0, q));
  const query = YEAR_QUERY.exec(q < 0 ? "" : url.slice(q + 1));
  if (!match || !query) return null;
  if (ROUTER_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
  return { businessId: match[1]!, year: query[1] ?? "" };
}

function nonceOf(csp: unknown): string | null {
  const match = typeof csp === "string" ? /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp) : null;
  return match ? match[1]! : null;
}

export class PageCache {
  readonly #entries: BoundedCache<Entry>;
  readonly #sessions = new BoundedCache<Session>(1_000);
  readonly #rendering = new Map<string, Promise<Entry | null>>();
  readonly #stats: Record<Outcome, number> = { hit: 0, miss: 0, bypass: 0 };

  constructor(
    private readonly render: Render,
    private readonly findFingerprint: FingerprintReader,
    private readonly options: { limit?: number; secureCookie?: boolean } = {},
  ) {
    this.#entries = new BoundedCache(options.limit ?? 200);
  }

  get stats(): PageCacheStats {
    return { ...this.#stats, entries: this.#entries.size };
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    delete req.headers[RENDER_ID_HEADER]; // ours alone
    const key = await this.keyOf(req);
    if (!key) return this.pass(req, res);
    const stored = this.#entries.get(key) ?? (await this.#rendering.get(key));
    if (stored) return this.serve(stored, req, res);
    // The first request of a key renders; those arriving meanwhile wait for its page.
    const rendering = this.capture(req, res).then(async (entry) => {
      // Kept only if nothing it shows changed while it rendered: it may show the newer state.
      if (entry && (await this.keyOf(req)) === key) this.#entries.set(key, entry);
      return entry;
    });
    this.#rendering.set(key, rendering);
    try {
      await rendering;
    } finally {
      this.#rendering.delete(key);
    }
  }

  private async pass(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.#stats.bypass++;
    await this.render(req, res);
  }

  /** The entry's key, or null when this request must be rendered: not the dashboard, no valid session, no access, or no answer from the database. */
  private async keyOf(req: IncomingMessage): Promise<string | null> {
    const page = cacheableDashboard(req);
    if (!page) return null;
    const jar = cookiesOf(req);
    const session = jar.get(sessionCookieName(this.options.secureCookie));
    if (!session) return null;
    try {
      const token = await this.session(session);
      if (!token) return null;
      const { userId, sessionId } = token;
      // Null also when the server-side session has ended: logged out, idle, or ended elsewhere.
      const found = await this.findFingerprint({ userId, businessId: page.businessId, sessionId });
      if (!found || found.passwordVersion !== token.passwordVersion) return null;
      const parts = [userId, page.businessId, page.year, toLocale(jar.get(LOCALE_COOKIE)), amsterdamToday(), found.fingerprint];
      return createHash("sha256").update(parts.join("\n")).digest("base64url");
    } catch {
      return null; // an unreadable session or an unreachable database: Next.js answers as it would
    }
  }

  /** The session cookie's user, server-side session and password version, while it is valid; decrypted once per cookie. */
  private async session(cookie: string): Promise<Session | null> {
    const known = this.#sessions.get(cookie);
    if (known) return known.expires > Date.now() ? known : null;
    const token = await decode({ token: cookie, secret: authSecret() });
    const userId = token?.uid;
    // A uid that is no uuid is refused by runAsUser when the fingerprint is read.
    if (typeof userId !== "string" || typeof token?.sid !== "string" || typeof token?.exp !== "number") return null;
    const session = {
      userId,
      sessionId: token.sid,
      passwordVersion: typeof token.pwv === "number" ? token.pwv : 1,
      expires: token.exp * 1000,
    };
    this.#sessions.set(cookie, session);
    return session.expires > Date.now() ? session : null;
  }

  private serve(entry: Entry, req: IncomingMessage, res: ServerResponse): void {
    this.#stats.hit++;
    const nonce = createNonce();
    for (const [name, value] of entry.headers) {
      res.setHeader(name, Array.isArray(value) ? value.map((v) => v.replaceAll(entry.nonce, nonce)) : value.replaceAll(entry.nonce, nonce));
    }
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip ? entry.body.gzip(nonce) : entry.body.plain(nonce);
    if (gzip) res.setHeader("content-encoding", "gzip");
    res.setHeader(PAGE_CACHE_HEADER, "hit");
    res.setHeader("content-length", body.length);
    res.statusCode = 200;
    res.end(body);
  }

  /** Lets Next.js render the page to this response, and keeps a copy if it rendered completely. */
  private async capture(req: IncomingMessage, res: ServerResponse): Promise<Entry | null> {
    this.#stats.miss++;
    const renderId = randomUUID();
    req.headers[RENDER_ID_HEADER] = renderId;
    delete req.headers["accept-encoding"]; // stored uncompressed: each response gets its own nonce
    res.setHeader(PAGE_CACHE_HEADER, "miss");
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    const { write, end } = res;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as ServerResponse["write"];
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      if (typeof chunk !== "function") keep(chunk, rest[0]);
      return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as ServerResponse["end"];
    const completed = finished(res).then(
      () => true,
      () => false,
    ); // false: the client went away
    try {
      await this.render(req, res);
      if (!(await completed)) return null;
    } catch {
      return null;
    } finally {
      res.write = write;
      res.end = end;
    }
    const failed = takeRenderFailure(renderId);
    // All of them: a header set before writeHead() (ours, above) makes Node.js store those passed to it too.
    const headers = res.getHeaders() as Record<string, string | string[] | number | undefined>;
    const contentType = String(headers["content-type"] ?? "");
    const nonce = nonceOf(headers["content-security-policy"]);
    if (
      failed ||
      res.statusCode !== 200 ||
      !contentType.startsWith("text/html") ||
      headers["set-cookie"] !== undefined ||
      headers["content-encoding"] !== undefined ||
      !nonce
    ) {
      return null;
    }
    const stored: [string, string | string[]][] = [];
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || NOT_STORED.has(name) || name === PAGE_CACHE_HEADER) continue;
      stored.push([name, typeof value === "number" ? String(value) : value]);
    }
    return { body: new NonceBody(Buffer.concat(chunks).toString("utf8"), nonce), nonce, headers: stored };
  }
}

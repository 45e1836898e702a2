// Who is calling the API: a personal API token (Authorization: Bearer drp_…) or the
// next-auth session cookie of the web app. A request that sends an Authorization header
// is judged by it alone; the cookie is only a fallback for same-origin browser calls.
import { getToken } from "next-auth/jwt";
import { z } from "zod";
import { authOptions } from "@/lib/platform/auth/options";
import { authenticateApiToken } from "@/lib/features/api-tokens/authenticate-api-token";
import { findSessionUser } from "@/lib/platform/auth/sessions/session-user";
import { env } from "@/lib/platform/env";
import { CROSS_SITE_REFUSED } from "@/lib/platform/api/api-error-messages";
import { requestOrigins } from "@/lib/platform/http/request-origin";
import { AppError } from "@/lib/platform/errors";
import type { RateLimitResult } from "@/lib/platform/rate-limit/hit-rate-limit";
import { SESSION_COOKIES } from "@/lib/platform/auth/session-cookie";

export type ApiCaller = {
  userId: string;
  /** What the credential allows: a READ token may only read. */
  scope: "READ" | "READ_WRITE";
  via: "token" | "session";
  /** The API token's id when via is "token": the unit of the API rate limit. */
  tokenId?: string;
  /** This request's rate-limit count when it was taken with the token lookup. */
  counted?: RateLimitResult;
  /** A token limited to these businesses: the others are "not found" (lib/features/businesses/access.ts). */
  businessIds?: readonly string[];
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const isSafeMethod = (method: string) => SAFE_METHODS.has(method.toUpperCase());

function unauthenticated(message = "Authentication required"): AppError {
  return new AppError("UNAUTHENTICATED", message);
}

export function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 1) continue;
    const name = part.slice(0, index).trim();
    const raw = part.slice(index + 1).trim();
    try {
      cookies[name] ??= decodeURIComponent(raw);
    } catch {
      cookies[name] ??= raw;
    }
  }
  return cookies;
}

async function fromBearer(header: string): Promise<ApiCaller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthenticated("Use Authorization: Bearer <token>");
  const { API_RATE_LIMIT: limit, API_RATE_WINDOW_SECONDS: windowSeconds, API_RATE_LIMIT_STORE: store } = env();
  // With the database store the request is counted in the lookup's own statement.
  const identity = await authenticateApiToken({ token: match[1]!, rateLimit: store === "memory" ? undefined : { limit, windowSeconds } });
  if (!identity) throw unauthenticated("Invalid, expired or revoked token");
  const caller: ApiCaller = {
    userId: identity.userId,
    scope: identity.scope,
    via: "token",
    tokenId: identity.tokenId,
    counted: identity.rateLimit,
  };
  if (identity.businessIds) caller.businessIds = identity.businessIds;
  return caller;
}

/** A cookie can ride along on a cross-site request; a state change needs proof it did not. */
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  // The origins of this host as the browser addressed it (lib/platform/http/request-origin.ts).
  if (origin) return origin !== "null" && requestOrigins(request.headers, request.url).has(origin);
  return request.headers.get("sec-fetch-site") === "same-origin";
}

async function fromSession(request: Request): Promise<ApiCaller> {
  const cookies = parseCookies(request.headers.get("cookie"));
  const cookieName = SESSION_COOKIES.find((name) => cookies[name] || cookies[`${name}.0`]);
  if (!cookieName) throw unauthenticated();
  // Given the cookies alone (no headers), getToken cannot fall back to the Authorization header.
  const token = await getToken({
    req: { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: authOptions.secret,
    secureCookie: cookieName.startsWith("__Secure-"),
  });
  if (!token || !z.uuid().safeParse(token.uid).success) throw unauthenticated();
  // The user, the password version and the server-side session (logged out, idle, ended elsewhere) in one statement.
  const user = await findSessionUser({ userId: token.uid, sessionId: token.sid, passwordVersion: token.pwv ?? 1 });
  if (!user) throw unauthenticated("Session ended");
  if (user.twoFactorSetupRequired) throw new AppError("FORBIDDEN", "Your firm requires two-factor login: set it up first");
  if (!isSafeMethod(request.method) && !isSameOriginRequest(request)) {
    throw new AppError("FORBIDDEN", CROSS_SITE_REFUSED);
  }
  return { userId: user.id, scope: "READ_WRITE", via: "session" };
}

export async function resolveApiCaller(options: { request: Request }): Promise<ApiCaller> {
  const { request } = options;
  const authorization = request.headers.get("authorization");
  const caller = authorization !== null ? await fromBearer(authorization) : await fromSession(request);
  if (caller.scope === "READ" && !isSafeMethod(request.method)) {
    throw new AppError("FORBIDDEN", "This token may only read");
  }
  return caller;
}

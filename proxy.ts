// Runs before every page request (Next.js 16 "proxy", formerly middleware): a fresh CSP
// nonce per request and the security headers. /api responses get theirs, fixed, from
// next.config.ts (lib/platform/http/security-headers.ts).
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/platform/env";
import { contentSecurityPolicy, createNonce, securityHeaders } from "@/lib/platform/http/security-headers";

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const { NODE_ENV } = env();
  const dev = NODE_ENV === "development";
  const csp = contentSecurityPolicy(nonce, { dev });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeaders({ production: NODE_ENV === "production" }))) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};

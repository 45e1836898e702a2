// Next.js configuration. PGlite and pg-boss stay outside the server bundle (STACK.md).
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { SERVER_ACTION_BODY_LIMIT } from "./lib/platform/http/body-limits";
import { apiSecurityHeaders } from "./lib/platform/http/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/platform/i18n/request.ts");

const nextConfig: NextConfig = {
  // Loaded from node_modules as they are, not bundled: pg-boss (the inline worker's
  // scheduler) and pdfkit (its font files).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pdfkit", "pg-boss"],
  poweredByHeader: false,
  // Parallel builds (several engineers, or test runs) can use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` runs `tsc --noEmit` over the whole project once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The CSV import sends the file through a server action; bookkeeping exports of a
  // few years reach several megabytes. One limit for the action handler and the proxy
  // (lib/platform/http/body-limits.ts; server.ts answers 413 above it). authInterrupts: forbidden()
  // gives form actions a 403 page (app/forbidden.tsx).
  experimental: {
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
    proxyClientMaxBodySize: SERVER_ACTION_BODY_LIMIT,
    authInterrupts: true,
  },
  // The API's security headers (pages get theirs, with a nonce, from proxy.ts). HSTS only
  // where the server runs in production (`next start`), not under `next dev`.
  async headers() {
    return [{ source: "/api/:path*", headers: apiSecurityHeaders({ production: process.env.NODE_ENV === "production" }) }];
  },
};

export default withNextIntl(nextConfig);

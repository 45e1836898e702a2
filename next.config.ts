// Next.js configuration. PGlite must stay outside the server bundle (STACK.md).
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { apiSecurityHeaders } from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  // Parallel builds (several engineers, or test runs) can use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` runs `tsc --noEmit` over the whole project once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The CSV import sends the file through a server action; bookkeeping exports of a
  // few years reach several megabytes.
  experimental: { serverActions: { bodySizeLimit: "25mb" } },
  // The API's security headers (pages get theirs, with a nonce, from proxy.ts). HSTS only
  // where the server runs in production (`next start`), not under `next dev`.
  async headers() {
    return [{ source: "/api/:path*", headers: apiSecurityHeaders({ production: process.env.NODE_ENV === "production" }) }];
  },
};

export default withNextIntl(nextConfig);

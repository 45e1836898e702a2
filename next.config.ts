// Next.js configuration. PGlite must stay outside the server bundle (STACK.md).
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  // Parallel builds (several engineers, or test runs) can use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` runs `tsc --noEmit` over the whole project once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The CSV import sends the file through a server action; bookkeeping exports of a
  // few years reach several megabytes.
  experimental: { serverActions: { bodySizeLimit: "25mb" } },
};

export default withNextIntl(nextConfig);

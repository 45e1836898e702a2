// The secret of next-auth's session cookies: NEXTAUTH_SECRET, else (embedded demo) one
// generated beside the data, so sessions survive restarts, else one per process.
// Kept on globalThis: Next.js bundles its users more than once, and the page cache
// (lib/platform/page-cache) reads sessions from outside those bundles; all must agree.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/platform/env";

const globalForSecret = globalThis as unknown as { drempelAuthSecret?: string };

function resolveSecret(): string {
  const { NEXTAUTH_SECRET, embedded, dataDir } = env();
  if (NEXTAUTH_SECRET) return NEXTAUTH_SECRET;
  if (!embedded) return crypto.randomBytes(32).toString("hex");
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** Resolved on first use, not at import: `next build` imports its users. */
export function authSecret(): string {
  globalForSecret.drempelAuthSecret ??= resolveSecret();
  return globalForSecret.drempelAuthSecret;
}

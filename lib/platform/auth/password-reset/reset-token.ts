// The token in a password reset link: 256 random bits, base64url. Only its SHA-256 is
// stored; a token that strong needs no salt or slow hash, and a plain hash lets the
// lookup use the unique index (as with API tokens).
import crypto from "node:crypto";

export type GeneratedResetToken = { token: string; tokenHash: string };

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashResetToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export function isResetTokenFormat(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function generateResetToken(): GeneratedResetToken {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashResetToken(token) };
}

/** The link in the mail; the token rides in the query string of our own page only. */
export function resetLink(baseUrl: string, token: string): string {
  return `${baseUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

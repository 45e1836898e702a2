// The shape of a personal API token: "drp_" and 43 characters of base64url (256 random
// bits). Only its SHA-256 is stored; a token that strong needs no salt or slow hash,
// and a plain hash lets the lookup use the unique index.
import crypto from "node:crypto";

export const API_TOKEN_PREFIX = "drp_";
/** How much of the token is kept in clear, so a user can tell tokens apart. */
export const VISIBLE_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 8;
const TOKEN_PATTERN = /^drp_[A-Za-z0-9_-]{43}$/;

export type GeneratedApiToken = { token: string; prefix: string; tokenHash: string };

export function hashApiToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export function isApiTokenFormat(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function generateApiToken(random: (size: number) => Buffer = crypto.randomBytes): GeneratedApiToken {
  const token = `${API_TOKEN_PREFIX}${random(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, VISIBLE_PREFIX_LENGTH), tokenHash: hashApiToken(token) };
}

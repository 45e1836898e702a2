// The shape of a calendar feed's secret: "cal_" and 43 characters of base64url (256 random
// bits), the last part of the feed's URL. Only its SHA-256 is stored, as for API tokens: a
// secret that strong needs no salt or slow hash, and a plain hash lets the lookup use the
// unique index.
import crypto from "node:crypto";

export const FEED_SECRET_PREFIX = "cal_";
/** How much of the secret the account page shows, so a user can tell URLs apart. */
export const VISIBLE_PREFIX_LENGTH = FEED_SECRET_PREFIX.length + 6;
const SECRET_PATTERN = /^cal_[A-Za-z0-9_-]{43}$/;

export function hashFeedSecret(secret: string): string {
  return crypto.createHash("sha256").update(secret, "utf8").digest("hex");
}

export function isFeedSecretFormat(value: string): boolean {
  return SECRET_PATTERN.test(value);
}

export function generateFeedSecret(random: (size: number) => Buffer = crypto.randomBytes): {
  secret: string;
  prefix: string;
  tokenHash: string;
} {
  const secret = `${FEED_SECRET_PREFIX}${random(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, VISIBLE_PREFIX_LENGTH), tokenHash: hashFeedSecret(secret) };
}

/** The path of the feed, under the app's base URL. */
export function calendarFeedPath(secret: string): string {
  return `/api/calendar/${secret}.ics`;
}

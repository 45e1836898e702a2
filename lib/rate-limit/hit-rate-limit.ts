// Fixed-window rate limits kept in PostgreSQL, so every app instance shares the count.
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

export type RateLimitOptions = {
  key: string;
  limit: number;
  windowSeconds: number;
  /**
   * Commit without waiting for the WAL flush (`synchronous_commit = off` for this one
   * statement's transaction). For the per-request API counter: a crash may forget the
   * last fraction of a second of counts, which a rate limit can afford; an fsync per API
   * request it cannot.
   */
  relaxedDurability?: boolean;
};

/** Counts one attempt under `key` and says whether it is within `limit` per window. */
export async function hitRateLimit(options: RateLimitOptions): Promise<RateLimitResult> {
  const { key, limit, windowSeconds } = options;
  // One statement, one round trip. For relaxed durability, set_config(…, true) is local
  // to the statement's own (implicit) transaction and still in force when it commits;
  // otherwise the server's own synchronous_commit applies.
  const source = options.relaxedDurability
    ? Prisma.sql`SELECT ${key}, 1, now() + make_interval(secs => ${windowSeconds}) FROM (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed`
    : Prisma.sql`VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}))`;
  const rows = await db().$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt")
    ${source}
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN now() + make_interval(secs => ${windowSeconds}) ELSE "RateLimit"."resetAt" END
    RETURNING "count", "resetAt"`;
  const row = rows[0]!;
  const retryAfterSeconds = Math.max(1, Math.ceil((row.resetAt.getTime() - Date.now()) / 1000));
  return { allowed: row.count <= limit, count: row.count, retryAfterSeconds };
}

/**
 * Counts one attempt under every key (all of them, so a blocked IP still counts against
 * the e-mail address) and throws RATE_LIMITED with the longest wait when any is over.
 */
export async function enforceRateLimits(checks: RateLimitOptions[], message: string): Promise<void> {
  const results = await Promise.all(checks.map((check) => hitRateLimit(check)));
  const blocked = results.filter((result) => !result.allowed);
  if (blocked.length === 0) return;
  const retryAfterSeconds = Math.max(...blocked.map((result) => result.retryAfterSeconds));
  throw new AppError("RATE_LIMITED", message, { retryAfterSeconds });
}

export async function clearRateLimit(key: string): Promise<void> {
  await db().rateLimit.deleteMany({ where: { key } });
}

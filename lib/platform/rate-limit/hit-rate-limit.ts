// Fixed-window rate limits kept in PostgreSQL, so every app instance shares the count.
import { db } from "@/lib/platform/db/client";
import { runOnTenantFreeTables } from "@/lib/platform/db/db-context";
import { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { AppError } from "@/lib/platform/errors";

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

/**
 * The upsert that counts one attempt: `keys` is a query producing the keys to count (one
 * row each, column "key"), so a caller can count a key it computes in the same statement.
 * Returns each key's "count" and "resetAt".
 */
export function rateLimitUpsertSql(options: { keys: Prisma.Sql; windowSeconds: number; relaxedDurability?: boolean }): Prisma.Sql {
  const { keys, windowSeconds } = options;
  // For relaxed durability, set_config(…, true) is local to the statement's own (implicit)
  // transaction and still in force when it commits; otherwise the server's own
  // synchronous_commit applies.
  const relaxed = options.relaxedDurability
    ? Prisma.sql`, (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed`
    : Prisma.empty;
  return Prisma.sql`
    INSERT INTO "RateLimit" ("key", "count", "resetAt")
    SELECT k."key", 1, now() + make_interval(secs => ${windowSeconds}) FROM (${keys}) AS k ${relaxed}
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN now() + make_interval(secs => ${windowSeconds}) ELSE "RateLimit"."resetAt" END
    RETURNING "count", "resetAt"`;
}

/** What a counted attempt means for the caller. */
export function rateLimitResult(row: { count: number; resetAt: Date }, limit: number, now = Date.now()): RateLimitResult {
  const retryAfterSeconds = Math.max(1, Math.ceil((row.resetAt.getTime() - now) / 1000));
  return { allowed: row.count <= limit, count: row.count, retryAfterSeconds };
}

/** Counts one attempt under `key` and says whether it is within `limit` per window. One round trip. */
export async function hitRateLimit(options: RateLimitOptions): Promise<RateLimitResult> {
  const { key, limit, windowSeconds, relaxedDurability } = options;
  const rows = await runOnTenantFreeTables(() =>
    db().$queryRaw<{ count: number; resetAt: Date }[]>(
      rateLimitUpsertSql({ keys: Prisma.sql`SELECT ${key}::text AS "key"`, windowSeconds, relaxedDurability }),
    ),
  );
  return rateLimitResult(rows[0]!, limit);
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

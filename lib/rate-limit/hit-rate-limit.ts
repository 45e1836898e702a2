// Fixed-window rate limits kept in PostgreSQL, so every app instance shares the count.
import { db } from "@/lib/db/client";

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/** Counts one attempt under `key` and says whether it is within `limit` per window. */
export async function hitRateLimit(options: { key: string; limit: number; windowSeconds: number }): Promise<RateLimitResult> {
  const { key, limit, windowSeconds } = options;
  const rows = await db().$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt")
    VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN now() + make_interval(secs => ${windowSeconds}) ELSE "RateLimit"."resetAt" END
    RETURNING "count", "resetAt"`;
  const row = rows[0]!;
  const retryAfterSeconds = Math.max(1, Math.ceil((row.resetAt.getTime() - Date.now()) / 1000));
  return { allowed: row.count <= limit, count: row.count, retryAfterSeconds };
}

export async function clearRateLimit(key: string): Promise<void> {
  await db().rateLimit.deleteMany({ where: { key } });
}

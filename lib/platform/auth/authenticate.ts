// Checks an email and password. Wrong email and wrong password give the same answer, and
// take about as long. Two limits, both counting only FAILED attempts (a correct password
// takes its count back), so they stop guessing without locking anyone out:
// - per address, a progressive delay: after LOGIN_DELAY_AFTER_FAILURES failures each
//   further attempt must wait 1, 2, 4 … s (at most LOGIN_DELAY_MAX_SECONDS) after the
//   previous one, or is answered "try again in N s" without the password being checked.
//   Whoever guesses someone's address can delay them by a minute at most, never lock
//   them out; the failures are forgotten after LOGIN_RATE_WINDOW_SECONDS without one.
// - per client IP (lib/platform/http/client-address.ts): LOGIN_RATE_LIMIT failures per window.
import { env } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import { db } from "@/lib/platform/db/client";
import { runOnTenantFreeTables } from "@/lib/platform/db/db-context";
import { dummyPasswordHash, verifyPassword } from "@/lib/platform/auth/password";
import { hitRateLimit } from "@/lib/platform/rate-limit/hit-rate-limit";
import { loginSchema } from "@/lib/features/users/user.types";

export type AuthenticatedUser = { id: string; email: string; name: string; locale: "nl" | "en"; passwordVersion: number };

/** The counter of an address's failed logins (cleared by a password reset too). */
export const loginFailuresKey = (email: string) => `login:email:${email}`;
const ipFailuresKey = (ip: string) => `login:ip:${ip}`;

function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError("RATE_LIMITED", "Too many login attempts", { retryAfterSeconds });
}

/**
 * Takes an attempt for an address, unless it is inside its wait. The row's "resetAt" is
 * the last attempt plus the window (a sliding window), so the last attempt is known.
 * One statement: concurrent attempts are serialised by the row lock of the upsert.
 */
async function takeAddressAttempt(email: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const { LOGIN_RATE_WINDOW_SECONDS: window, LOGIN_DELAY_AFTER_FAILURES: after, LOGIN_DELAY_MAX_SECONDS: cap } = env();
  const key = loginFailuresKey(email);
  return runOnTenantFreeTables(async () => {
    const taken = await db().$queryRaw<{ count: number }[]>`
      INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES (${key}, 1, now() + make_interval(secs => ${window}))
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit"."count" + 1 END,
        "resetAt" = now() + make_interval(secs => ${window})
      WHERE "RateLimit"."resetAt" <= now()
        OR "RateLimit"."count" < ${after}
        OR now() >= "RateLimit"."resetAt" - make_interval(secs => ${window}) + make_interval(secs => LEAST(${cap}::float8, power(2, "RateLimit"."count" - ${after})))
      RETURNING "count"`;
    if (taken.length) return { allowed: true as const };
    const [row] = await db().$queryRaw<{ waitSeconds: number }[]>`
      SELECT EXTRACT(EPOCH FROM ("resetAt" - make_interval(secs => ${window}) + make_interval(secs => LEAST(${cap}::float8, power(2, "count" - ${after}))) - now()))::float8 AS "waitSeconds"
      FROM "RateLimit" WHERE "key" = ${key}`;
    return { allowed: false as const, retryAfterSeconds: Math.max(1, Math.ceil(row?.waitSeconds ?? 1)) };
  });
}

/** Gives back the count an attempt took (a successful login, or one refused before its check). */
async function giveBack(key: string): Promise<void> {
  await runOnTenantFreeTables(() => db().$executeRaw`UPDATE "RateLimit" SET "count" = "count" - 1 WHERE "key" = ${key} AND "count" > 0`);
}

export async function authenticate(options: { email: unknown; password: unknown; ip?: string }): Promise<AuthenticatedUser | null> {
  const parsed = loginSchema.safeParse({ email: options.email, password: options.password });
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const { LOGIN_RATE_LIMIT: ipLimit, LOGIN_RATE_WINDOW_SECONDS: windowSeconds } = env();

  // Counted first and given back on success, so parallel guesses cannot all slip under the limit.
  if (options.ip) {
    const perIp = await hitRateLimit({ key: ipFailuresKey(options.ip), limit: ipLimit, windowSeconds });
    if (!perIp.allowed) {
      await giveBack(ipFailuresKey(options.ip));
      throw rateLimited(perIp.retryAfterSeconds);
    }
  }
  const perAddress = await takeAddressAttempt(email);
  if (!perAddress.allowed) {
    if (options.ip) await giveBack(ipFailuresKey(options.ip));
    throw rateLimited(perAddress.retryAfterSeconds);
  }

  const user = await db().user.findUnique({ where: { email } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok) return null;
  await Promise.all([
    runOnTenantFreeTables(() => db().rateLimit.deleteMany({ where: { key: loginFailuresKey(email) } })),
    options.ip ? giveBack(ipFailuresKey(options.ip)) : undefined,
  ]);
  return { id: user.id, email: user.email, name: user.name, locale: user.locale, passwordVersion: user.passwordVersion };
}

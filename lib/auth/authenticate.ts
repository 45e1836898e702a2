// Checks an email and password with rate limits per email and per IP. Wrong email and
// wrong password give the same answer, and take about as long.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { clearRateLimit, hitRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { loginSchema } from "@/lib/users/user.types";

export type AuthenticatedUser = { id: string; email: string; name: string; locale: "nl" | "en"; passwordVersion: number };

export async function authenticate(options: { email: unknown; password: unknown; ip?: string }): Promise<AuthenticatedUser | null> {
  const parsed = loginSchema.safeParse({ email: options.email, password: options.password });
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const { LOGIN_RATE_LIMIT: limit, LOGIN_RATE_WINDOW_SECONDS: windowSeconds } = env();
  const checks = [hitRateLimit({ key: `login:email:${email}`, limit, windowSeconds })];
  if (options.ip) checks.push(hitRateLimit({ key: `login:ip:${options.ip}`, limit, windowSeconds }));
  const results = await Promise.all(checks);
  const blocked = results.find((result) => !result.allowed);
  if (blocked) throw new AppError("RATE_LIMITED", "Too many login attempts", { retryAfterSeconds: blocked.retryAfterSeconds });

  const user = await db().user.findUnique({ where: { email } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok) return null;
  await clearRateLimit(`login:email:${email}`);
  return { id: user.id, email: user.email, name: user.name, locale: user.locale, passwordVersion: user.passwordVersion };
}

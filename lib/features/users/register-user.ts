// Registration, answered the same whether or not the address has an account (issue #15):
// same result, same work in the same order, similar time. The password is hashed either
// way; the account is inserted unless the address exists (ON CONFLICT DO NOTHING, so no
// error tells them apart); a new account gets a verification link, the holder of an
// existing one a note that someone tried to register with their address. Rate-limited
// per IP and per address (each registration sends a mail), counted before the lookup.
import { db } from "@/lib/platform/db/client";
import { actAsAccount } from "@/lib/platform/db/act-as-account";
import { env } from "@/lib/platform/env";
import { hashPassword } from "@/lib/platform/auth/password";
import { appBaseUrl } from "@/lib/platform/mail/app-url";
import { enforceRateLimits } from "@/lib/platform/rate-limit/hit-rate-limit";
import { parseOrThrow } from "@/lib/platform/validation";
import { registerSchema } from "@/lib/features/users/user.types";
import { queueRegistrationAttemptMail, queueVerificationMail } from "@/lib/features/users/email-verification/queue-account-mails";
import {
  REGISTER_EMAIL_LIMIT,
  REGISTER_EMAIL_WINDOW_SECONDS,
  registerEmailRateKey,
} from "@/lib/features/users/email-verification/verification.types";

export async function registerUser(options: { input: unknown; ip?: string; now?: Date }): Promise<{ email: string }> {
  const input = parseOrThrow(registerSchema, options.input);
  const now = options.now ?? new Date();
  const checks = [{ key: registerEmailRateKey(input.email), limit: REGISTER_EMAIL_LIMIT, windowSeconds: REGISTER_EMAIL_WINDOW_SECONDS }];
  if (options.ip) {
    const { REGISTER_RATE_LIMIT: limit, REGISTER_RATE_WINDOW_SECONDS: windowSeconds } = env();
    checks.unshift({ key: `register:ip:${options.ip}`, limit, windowSeconds });
  }
  await enforceRateLimits(checks, "Too many registrations");
  const passwordHash = await hashPassword(input.password);
  const appUrl = appBaseUrl();
  // Nobody is logged in. Users are not under row-level security; the token and the mail
  // are the account's own rows, written as that account for this transaction only (system
  // mode is the worker's role's alone).
  await db().$transaction(async (tx) => {
    const { count } = await tx.user.createMany({
      data: { name: input.name, email: input.email, passwordHash, locale: input.locale },
      skipDuplicates: true,
    });
    const user = await tx.user.findUniqueOrThrow({
      where: { email: input.email },
      select: { id: true, email: true, name: true, locale: true },
    });
    await actAsAccount(tx, user.id);
    if (count === 1) await queueVerificationMail(tx, { user, now, appUrl });
    else await queueRegistrationAttemptMail(tx, { user, now, appUrl });
  });
  return { email: input.email };
}

// "Wachtwoord vergeten?": rate-limited per e-mail address and per IP, and answered the
// same whether or not an account exists (no account enumeration) — in content and in
// time. The request itself does the same work for any address: the rate-limit counts and
// one queued PASSWORD_RESET_REQUEST job. Whether an account exists is first asked by the
// queue worker (prepare-reset-mail.ts), after the answer has gone.
import { db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import { enforceRateLimits } from "@/lib/platform/rate-limit/hit-rate-limit";
import { requestPasswordResetSchema } from "@/lib/features/users/user.types";
import { parseOrThrow } from "@/lib/platform/validation";

export async function requestPasswordReset(options: { input: unknown; ip?: string }): Promise<void> {
  const { email } = parseOrThrow(requestPasswordResetSchema, options.input);
  const settings = env();
  const windowSeconds = settings.PASSWORD_RESET_RATE_WINDOW_SECONDS;
  const checks = [{ key: `reset:email:${email}`, limit: settings.PASSWORD_RESET_EMAIL_LIMIT, windowSeconds }];
  if (options.ip) checks.push({ key: `reset:ip:${options.ip}`, limit: settings.PASSWORD_RESET_IP_LIMIT, windowSeconds });
  await enforceRateLimits(checks, "Too many password reset requests");
  // Nobody is logged in: row-level security lets anyone queue a bare reset request (the
  // policy reset_request), written without RETURNING, which would have to read it back.
  await db().outboxJob.createMany({ data: { kind: "PASSWORD_RESET_REQUEST", toAddress: email } });
}

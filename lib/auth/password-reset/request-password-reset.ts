// "Wachtwoord vergeten?": rate-limited per e-mail address and per IP, and answered the
// same whether or not an account exists (no account enumeration). For an account, a
// reset token is stored (hash only) and its mail queued in the outbox in the same
// transaction; the queue worker sends it (or, without SMTP_URL, keeps it).
import { runAsSystem } from "@/lib/db/db-context";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { appBaseUrl } from "@/lib/mail/app-url";
import { enforceRateLimits } from "@/lib/rate-limit/hit-rate-limit";
import { requestPasswordResetSchema } from "@/lib/users/user.types";
import { parseOrThrow } from "@/lib/validation";
import { generateResetToken, resetLink } from "@/lib/auth/password-reset/reset-token";
import { renderPasswordResetMail } from "@/lib/auth/password-reset/render-password-reset-mail";

export async function requestPasswordReset(options: { input: unknown; ip?: string; now?: Date; baseUrl?: string }): Promise<void> {
  // Before anyone is logged in, or across businesses: system mode for row-level security.
  return runAsSystem(async () => {
    const { email } = parseOrThrow(requestPasswordResetSchema, options.input);
    const settings = env();
    const windowSeconds = settings.PASSWORD_RESET_RATE_WINDOW_SECONDS;
    const checks = [{ key: `reset:email:${email}`, limit: settings.PASSWORD_RESET_EMAIL_LIMIT, windowSeconds }];
    if (options.ip) checks.push({ key: `reset:ip:${options.ip}`, limit: settings.PASSWORD_RESET_IP_LIMIT, windowSeconds });
    await enforceRateLimits(checks, "Too many password reset requests");

    const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, locale: true } });
    if (!user) return;
    const now = options.now ?? new Date();
    const minutes = settings.PASSWORD_RESET_TOKEN_MINUTES;
    const { token, tokenHash } = generateResetToken();
    const mail = renderPasswordResetMail({ locale: user.locale, name: user.name, link: resetLink(options.baseUrl ?? appBaseUrl(), token), minutes });
    await db().$transaction(async (tx) => {
      await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash, expiresAt: new Date(now.getTime() + minutes * 60_000) } });
      await tx.outboxJob.create({
        data: { kind: "PASSWORD_RESET_EMAIL", userId: user.id, toAddress: user.email, subject: mail.subject, textBody: mail.text, htmlBody: mail.html },
      });
    });
  });
}

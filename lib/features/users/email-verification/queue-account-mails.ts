// Queues the two account mails of registration in the outbox (kind ACCOUNT_EMAIL, sent by
// the queue worker like every mail, the body redacted once an SMTP server took it). A
// verification link's token is stored only as its SHA-256, bound to the address it was
// sent to: a link made for an address the account no longer has verifies nothing.
import type { Tx } from "@/lib/platform/db/client";
import { generateResetToken as generateToken } from "@/lib/platform/auth/password-reset/reset-token";
import { renderRegistrationAttemptMail, renderVerificationMail } from "./render-account-mail";
import { VERIFY_EMAIL_TOKEN_HOURS, verifyEmailLink } from "./verification.types";

type Recipient = { id: string; email: string; name: string; locale: "nl" | "en" };

export async function queueVerificationMail(tx: Tx, options: { user: Recipient; now: Date; appUrl: string }): Promise<void> {
  const { user, now } = options;
  const { token, tokenHash } = generateToken();
  await tx.emailVerificationToken.create({
    data: { userId: user.id, email: user.email, tokenHash, expiresAt: new Date(now.getTime() + VERIFY_EMAIL_TOKEN_HOURS * 3_600_000) },
    select: { id: true },
  });
  const mail = renderVerificationMail({
    locale: user.locale,
    name: user.name,
    link: verifyEmailLink(options.appUrl, token),
    hours: VERIFY_EMAIL_TOKEN_HOURS,
  });
  await tx.outboxJob.create({
    data: {
      kind: "ACCOUNT_EMAIL",
      userId: user.id,
      toAddress: user.email,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      nextAttemptAt: now,
    },
    select: { id: true },
  });
}

export async function queueRegistrationAttemptMail(tx: Tx, options: { user: Recipient; now: Date; appUrl: string }): Promise<void> {
  const { user, now, appUrl } = options;
  const mail = renderRegistrationAttemptMail({
    locale: user.locale,
    name: user.name,
    loginUrl: `${appUrl}/login`,
    resetUrl: `${appUrl}/forgot-password`,
  });
  await tx.outboxJob.create({
    data: {
      kind: "ACCOUNT_EMAIL",
      userId: user.id,
      toAddress: user.email,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      nextAttemptAt: now,
    },
    select: { id: true },
  });
}

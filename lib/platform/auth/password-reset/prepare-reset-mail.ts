// The queue worker's half of "Wachtwoord vergeten?" (see request-password-reset.ts): a
// PASSWORD_RESET_REQUEST job names an address. For an account, a reset token is stored
// (hash only) and the job becomes that user's PASSWORD_RESET_EMAIL, due at once, in one
// transaction; for an unknown address the job is deleted, so the address is not kept.
// The link's lifetime counts from here, when the mail is made.
import { db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import type { ClaimedJob } from "@/lib/platform/jobs/claim-jobs";
import { generateResetToken, resetLink } from "@/lib/platform/auth/password-reset/reset-token";
import { renderPasswordResetMail } from "@/lib/platform/auth/password-reset/render-password-reset-mail";

/** Runs in the worker's system context; throws (so the job is retried) when the claim was lost. */
export async function prepareResetMail(options: {
  job: ClaimedJob;
  workerId: string;
  now: Date;
  appUrl: string;
}): Promise<"queued" | "no-account"> {
  const { job, workerId, now } = options;
  const claim = { id: job.id, lockedBy: workerId, status: "SENDING" as const };
  const email = job.toAddress ?? "";
  const user = email ? await db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, locale: true } }) : null;
  if (!user) {
    await db().outboxJob.deleteMany({ where: claim });
    return "no-account";
  }
  const minutes = env().PASSWORD_RESET_TOKEN_MINUTES;
  const { token, tokenHash } = generateResetToken();
  const mail = renderPasswordResetMail({ locale: user.locale, name: user.name, link: resetLink(options.appUrl, token), minutes });
  await db().$transaction(async (tx) => {
    await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash, expiresAt: new Date(now.getTime() + minutes * 60_000) },
      select: { id: true },
    });
    const turned = await tx.outboxJob.updateMany({
      where: claim,
      data: {
        kind: "PASSWORD_RESET_EMAIL",
        status: "PENDING",
        userId: user.id,
        toAddress: user.email,
        subject: mail.subject,
        textBody: mail.text,
        htmlBody: mail.html,
        attempts: 0,
        nextAttemptAt: now,
        lockedAt: null,
        lockedBy: null,
        lastError: null,
      },
    });
    // Another worker took the job over: its token and mail are the ones that count.
    if (turned.count !== 1) throw new Error("password reset request was claimed by another worker");
  });
  return "queued";
}

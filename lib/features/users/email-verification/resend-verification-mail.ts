// "Send again" on the banner of an unverified account: a new link (older ones keep
// working until they expire), rate-limited per user; nothing for a verified account.
import { db } from "@/lib/platform/db/client";
import { actAsAccount } from "@/lib/platform/db/act-as-account";
import { AppError } from "@/lib/platform/errors";
import { appBaseUrl } from "@/lib/platform/mail/app-url";
import { enforceRateLimits } from "@/lib/platform/rate-limit/hit-rate-limit";
import { queueVerificationMail } from "./queue-account-mails";
import { VERIFY_RESEND_LIMIT, VERIFY_RESEND_WINDOW_SECONDS, verifyResendRateKey } from "./verification.types";

export async function resendVerificationMail(options: { caller: { userId: string }; now?: Date }): Promise<void> {
  const { userId } = options.caller;
  const now = options.now ?? new Date();
  await enforceRateLimits(
    [{ key: verifyResendRateKey(userId), limit: VERIFY_RESEND_LIMIT, windowSeconds: VERIFY_RESEND_WINDOW_SECONDS }],
    "Too many verification mails",
  );
  await db().$transaction(async (tx) => {
    await actAsAccount(tx, userId);
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, name: true, locale: true, emailVerifiedAt: true },
    });
    if (!user) throw new AppError("UNAUTHENTICATED", "Not signed in");
    if (user.emailVerifiedAt) return;
    await queueVerificationMail(tx, { user, now, appUrl: appBaseUrl() });
  });
}

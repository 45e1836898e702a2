// Using a verification link: the token is claimed with one conditional UPDATE (unused,
// unexpired), and in the same transaction the user's address is marked verified, only
// while the account still has the address the link was sent to. Wrong, used and expired
// links get the same answer. Nobody needs to be logged in: the token (under row-level
// security) is claimed by its hash through a SECURITY DEFINER function, and the rest is
// done as the token's account for this transaction (system mode is the worker's alone).
import { db } from "@/lib/platform/db/client";
import { actAsAccount } from "@/lib/platform/db/act-as-account";
import { AppError } from "@/lib/platform/errors";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { hashResetToken as hashToken, isResetTokenFormat as isTokenFormat } from "@/lib/platform/auth/password-reset/reset-token";

const invalidLink = () =>
  new AppError("VALIDATION_FAILED", "Invalid or expired verification link", { fields: { token: "validation.verifyLinkInvalid" } });

export async function verifyEmail(options: { token: unknown; now?: Date }): Promise<{ email: string }> {
  const { token } = options;
  if (typeof token !== "string" || !isTokenFormat(token)) throw invalidLink();
  const now = options.now ?? new Date();
  const tokenHash = hashToken(token);
  return db().$transaction(async (tx) => {
    const [claimed] = await tx.$queryRaw<{ userId: string; email: string }[]>`
      SELECT "userId"::text AS "userId", email FROM drempel_claim_email_verification(${tokenHash}, ${now.toISOString()}::timestamptz)`;
    if (!claimed) throw invalidLink();
    const { userId, email } = claimed;
    await actAsAccount(tx, userId);
    const user = await tx.user.findFirst({ where: { id: userId, email }, select: { id: true, emailVerifiedAt: true } });
    // Throwing rolls the claim back too: a link for an old address stays as it was.
    if (!user) throw invalidLink();
    if (!user.emailVerifiedAt) {
      await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: now } });
      await writeAuditLog(tx, {
        businessId: null,
        actorId: userId,
        action: "user.verifyEmail",
        entityType: "User",
        entityId: userId,
        after: { email },
      });
    }
    // The other links of this address have done their work.
    await tx.emailVerificationToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    return { email };
  });
}

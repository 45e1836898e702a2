// Using a verification link: the token is claimed with one conditional UPDATE (unused,
// unexpired), and in the same transaction the user's address is marked verified, only
// while the account still has the address the link was sent to. Wrong, used and expired
// links get the same answer. Before anyone needs to be logged in: system mode.
import { runAsSystem } from "@/lib/db/db-context";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAuditLog } from "@/lib/audit/write-audit-log";
import { hashResetToken as hashToken, isResetTokenFormat as isTokenFormat } from "@/lib/auth/password-reset/reset-token";

const invalidLink = () => new AppError("VALIDATION_FAILED", "Invalid or expired verification link", { fields: { token: "validation.verifyLinkInvalid" } });

export async function verifyEmail(options: { token: unknown; now?: Date }): Promise<{ email: string }> {
  const { token } = options;
  if (typeof token !== "string" || !isTokenFormat(token)) throw invalidLink();
  const now = options.now ?? new Date();
  const tokenHash = hashToken(token);
  return runAsSystem(() =>
    db().$transaction(async (tx) => {
      const claimed = await tx.emailVerificationToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (claimed.count !== 1) throw invalidLink();
      const { userId, email } = await tx.emailVerificationToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true, email: true } });
      const user = await tx.user.findFirst({ where: { id: userId, email }, select: { id: true, emailVerifiedAt: true } });
      // Throwing rolls the claim back too: a link for an old address stays as it was.
      if (!user) throw invalidLink();
      if (!user.emailVerifiedAt) {
        await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: now } });
        await writeAuditLog(tx, { businessId: null, actorId: userId, action: "user.verifyEmail", entityType: "User", entityId: userId, after: { email } });
      }
      // The other links of this address have done their work.
      await tx.emailVerificationToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
      return { email };
    }),
  );
}

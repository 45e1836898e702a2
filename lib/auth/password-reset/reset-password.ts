// Setting a new password from a reset link. The token is claimed with one conditional
// UPDATE (unused and unexpired), so two simultaneous uses cannot both win; in the same
// transaction the password changes, passwordVersion goes up (every session ends) and
// every other outstanding token of the user dies. Wrong, used and expired tokens get the
// same answer.
import { writeAuditLog } from "@/lib/audit/write-audit-log";
import { runAsSystem } from "@/lib/db/db-context";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { clearRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { resetPasswordSchema } from "@/lib/users/user.types";
import { parseOrThrow } from "@/lib/validation";
import { hashResetToken, isResetTokenFormat } from "@/lib/auth/password-reset/reset-token";

const invalidToken = () => new AppError("VALIDATION_FAILED", "Invalid or expired reset link", { fields: { token: "validation.resetLinkInvalid" } });

/** Whether a link still works, for the page that shows the form (reads only). */
export async function isResetTokenUsable(options: { token: unknown; now?: Date }): Promise<boolean> {
  // Before anyone is logged in, or across businesses: system mode for row-level security.
  return runAsSystem(async () => {
    if (typeof options.token !== "string" || !isResetTokenFormat(options.token)) return false;
    const row = await db().passwordResetToken.findUnique({ where: { tokenHash: hashResetToken(options.token) }, select: { usedAt: true, expiresAt: true } });
    return !!row && !row.usedAt && row.expiresAt > (options.now ?? new Date());
  });
}

export async function resetPassword(options: { input: unknown; now?: Date }): Promise<{ email: string }> {
  // Before anyone is logged in, or across businesses: system mode for row-level security.
  return runAsSystem(async () => {
    const input = parseOrThrow(resetPasswordSchema, options.input);
    if (!isResetTokenFormat(input.token)) throw invalidToken();
    const now = options.now ?? new Date();
    const tokenHash = hashResetToken(input.token);
    const passwordHash = await hashPassword(input.password);
    const email = await db().$transaction(async (tx) => {
      const claimed = await tx.passwordResetToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (claimed.count !== 1) throw invalidToken();
      const { userId } = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
      const user = await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordVersion: { increment: 1 } }, select: { email: true } });
      await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
      await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
      await writeAuditLog(tx, { businessId: null, actorId: userId, action: "security.passwordReset", entityType: "User", entityId: userId });
      return user.email;
    });
    // Whoever proved control of the mailbox may log in at once, even after failed attempts.
    await clearRateLimit(`login:email:${email}`);
    return { email };
  });
}

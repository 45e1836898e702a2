// A signed-in user changes their password, proving the current one. passwordVersion goes
// up, so every session ends (the caller re-issues the current browser's session with the
// returned version), and every outstanding reset link dies. API tokens are separate
// credentials and stay valid; they are revoked one by one under API tokens.
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import { hashPassword, verifyPassword } from "@/lib/platform/auth/password";
import { passwordContainsEmail } from "@/lib/platform/auth/password-policy";
import { enforceRateLimits } from "@/lib/platform/rate-limit/hit-rate-limit";
import { changePasswordSchema } from "@/lib/features/users/user.types";
import { parseOrThrow } from "@/lib/platform/validation";

export async function changePassword(options: {
  caller: { userId: string };
  input: unknown;
  /** The session that made the change and lives on (its cookie is re-issued); every other one ends. */
  keepSessionId?: string;
  now?: Date;
}): Promise<{ passwordVersion: number }> {
  const input = parseOrThrow(changePasswordSchema, options.input);
  const { userId } = options.caller;
  // A stolen session must not become a way to guess the password: same limit as logins.
  const { LOGIN_RATE_LIMIT: limit, LOGIN_RATE_WINDOW_SECONDS: windowSeconds } = env();
  await enforceRateLimits([{ key: `change-password:user:${userId}`, limit, windowSeconds }], "Too many password change attempts");
  const user = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true, passwordVersion: true, email: true } });
  if (!user) throw new AppError("UNAUTHENTICATED", "Not signed in");
  if (passwordContainsEmail(input.newPassword, user.email)) {
    throw new AppError("VALIDATION_FAILED", "Password contains the address", {
      fields: { newPassword: "validation.passwordContainsEmail" },
    });
  }
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("VALIDATION_FAILED", "Current password is wrong", {
      fields: { currentPassword: "validation.currentPasswordWrong" },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = options.now ?? new Date();
  return db().$transaction(async (tx) => {
    // Conditional on the version we checked against: a concurrent change wins, this one fails.
    const updated = await tx.user.updateMany({
      where: { id: userId, passwordVersion: user.passwordVersion },
      data: { passwordHash, passwordVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "The password was changed meanwhile");
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    // The password version already refuses their cookies; ending them also takes them off the account page's list.
    await tx.userSession.updateMany({
      where: { userId, revokedAt: null, ...(options.keepSessionId ? { id: { not: options.keepSessionId } } : {}) },
      data: { revokedAt: now },
    });
    await writeAuditLog(tx, { businessId: null, actorId: userId, action: "security.passwordChange", entityType: "User", entityId: userId });
    return { passwordVersion: user.passwordVersion + 1 };
  });
}

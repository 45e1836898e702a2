// Setting a new password from a reset link. The token is claimed with one conditional
// UPDATE (unused and unexpired), so two simultaneous uses cannot both win; in the same
// transaction the password changes, passwordVersion goes up (every session ends) and
// every other outstanding token of the user dies. Wrong, used and expired tokens get the
// same answer. Nobody is logged in: the reset tokens (under row-level security) are read
// and claimed through two SECURITY DEFINER functions that take the token's hash, which
// only the link's holder can produce (migration *_worker_role_token_limits), not in
// system mode, which is the worker's role's alone.
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { actAsAccount } from "@/lib/platform/db/act-as-account";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { hashPassword } from "@/lib/platform/auth/password";
import { passwordContainsEmail } from "@/lib/platform/auth/password-policy";
import { clearRateLimit } from "@/lib/platform/rate-limit/hit-rate-limit";
import { resetPasswordSchema } from "@/lib/features/users/user.types";
import { parseOrThrow } from "@/lib/platform/validation";
import { hashResetToken, isResetTokenFormat } from "@/lib/platform/auth/password-reset/reset-token";

const invalidToken = () =>
  new AppError("VALIDATION_FAILED", "Invalid or expired reset link", { fields: { token: "validation.resetLinkInvalid" } });

/** Whether a link still works, for the page that shows the form (reads only). */
export async function isResetTokenUsable(options: { token: unknown; now?: Date }): Promise<boolean> {
  if (typeof options.token !== "string" || !isResetTokenFormat(options.token)) return false;
  const at = (options.now ?? new Date()).toISOString();
  const [row] = await db().$queryRaw<
    { usable: boolean }[]
  >`SELECT drempel_reset_token_usable(${hashResetToken(options.token)}, ${at}::timestamptz) AS usable`;
  return row?.usable === true;
}

export async function resetPassword(options: { input: unknown; now?: Date }): Promise<{ email: string }> {
  const input = parseOrThrow(resetPasswordSchema, options.input);
  if (!isResetTokenFormat(input.token)) throw invalidToken();
  const now = options.now ?? new Date();
  const tokenHash = hashResetToken(input.token);
  const passwordHash = await hashPassword(input.password);
  const email = await db().$transaction(async (tx) => {
    // Claims the link and kills the user's other links; null for a wrong, used or expired one.
    const [claimed] = await tx.$queryRaw<
      { userId: string | null }[]
    >`SELECT drempel_claim_reset_token(${tokenHash}, ${now.toISOString()}::timestamptz)::text AS "userId"`;
    if (!claimed?.userId) throw invalidToken();
    // The rest of the transaction acts as the link's account: its sessions and its log.
    await actAsAccount(tx, claimed.userId);
    // The policy's address rule needs the account. Throwing rolls the claim back, so a
    // refused password leaves the link usable.
    const owner = await tx.user.findUniqueOrThrow({ where: { id: claimed.userId }, select: { email: true } });
    if (passwordContainsEmail(input.password, owner.email)) {
      throw new AppError("VALIDATION_FAILED", "Password contains the address", {
        fields: { password: "validation.passwordContainsEmail" },
      });
    }
    const user = await tx.user.update({
      where: { id: claimed.userId },
      data: { passwordHash, passwordVersion: { increment: 1 } },
      select: { email: true },
    });
    await tx.userSession.updateMany({ where: { userId: claimed.userId, revokedAt: null }, data: { revokedAt: now } });
    await writeAuditLog(tx, {
      businessId: null,
      actorId: claimed.userId,
      action: "security.passwordReset",
      entityType: "User",
      entityId: claimed.userId,
    });
    return user.email;
  });
  // Whoever proved control of the mailbox may log in at once, even after failed attempts.
  await clearRateLimit(`login:email:${email}`);
  return { email };
}

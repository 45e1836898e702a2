// Two-factor login with a time-based code (TOTP) and single-use recovery codes: setting it
// up (a pending secret, confirmed by a first code, which yields ten recovery codes shown
// once), the second step of a login, and turning it off (password and a code). Every code
// attempt is counted per user like the password; a TOTP time step is accepted once only.
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { verifyPassword } from "@/lib/platform/auth/password";
import { db } from "@/lib/platform/db/client";
import { runAsUser } from "@/lib/platform/db/db-context";
import { env } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import { clearRateLimit, enforceRateLimits } from "@/lib/platform/rate-limit/hit-rate-limit";
import { parseOrThrow } from "@/lib/platform/validation";
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";
import { looksLikeTotpCode, newTotpSecret, openTotpSecret, sealTotpSecret, totpEnrolment, verifyTotpCode } from "./totp";
import { confirmTwoFactorSchema, disableTwoFactorSchema, type TwoFactorEnrolment, type TwoFactorStatus } from "./two-factor.types";

type Caller = { userId: string };

const codeLimit = (key: string) => {
  const { LOGIN_RATE_LIMIT: limit, LOGIN_RATE_WINDOW_SECONDS: windowSeconds } = env();
  return { key, limit, windowSeconds };
};

const userTotp = (userId: string) =>
  db().user.findUnique({
    where: { id: userId },
    select: { email: true, passwordHash: true, totpSecret: true, totpPendingSecret: true, totpEnabledAt: true, totpLastStep: true },
  });

/**
 * Accepts a TOTP code (after the last accepted step; the step is taken in the same
 * statement, so two requests cannot both use it) or an unused recovery code (used up).
 */
async function redeemCode(
  userId: string,
  user: { totpSecret: string | null; totpLastStep: number | null },
  code: string,
): Promise<"totp" | "recovery" | null> {
  if (looksLikeTotpCode(code)) {
    const secret = openTotpSecret(user.totpSecret);
    const step = secret ? await verifyTotpCode({ secret, code, afterStep: user.totpLastStep }) : null;
    if (step === null) return null;
    const { count } = await db().user.updateMany({
      where: { id: userId, totpEnabledAt: { not: null }, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1 ? "totp" : null;
  }
  const { count } = await runAsUser(userId, () =>
    db().recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: new Date() } }),
  );
  return count === 1 ? "recovery" : null;
}

export type SecondFactorResult =
  | { status: "not-enrolled" }
  | { status: "required" }
  | { status: "invalid" }
  | { status: "accepted"; method: "totp" | "recovery" };

/**
 * The second step of a login, after the password was right: users with two-factor login
 * must give a code. Throws RATE_LIMITED after too many codes.
 */
export async function verifySecondFactor(options: { userId: string; code: unknown }): Promise<SecondFactorResult> {
  const { userId } = options;
  const user = await userTotp(userId);
  if (!user?.totpEnabledAt) return { status: "not-enrolled" };
  const code = typeof options.code === "string" ? options.code.trim().slice(0, 40) : "";
  if (!code) return { status: "required" };
  await enforceRateLimits([codeLimit(`login:2fa:${userId}`)], "Too many codes");
  const method = await redeemCode(userId, user, code);
  await runAsUser(userId, () =>
    db().$transaction((tx) =>
      writeAuditLog(tx, {
        businessId: null,
        actorId: userId,
        action: method
          ? method === "recovery"
            ? "security.recoveryCodeUsed"
            : "security.twoFactorPassed"
          : "security.loginTwoFactorFailed",
        entityType: "User",
        entityId: userId,
      }),
    ),
  );
  if (!method) return { status: "invalid" };
  await clearRateLimit(`login:2fa:${userId}`);
  return { status: "accepted", method };
}

export async function getTwoFactorStatus(options: { caller: Caller }): Promise<TwoFactorStatus> {
  const { userId } = options.caller;
  const [user, recoveryCodesLeft] = await runAsUser(userId, () =>
    Promise.all([
      db().user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } }),
      db().recoveryCode.count({ where: { userId, usedAt: null } }),
    ]),
  );
  const enabledAt = user?.totpEnabledAt ?? null;
  return { enabled: enabledAt !== null, enabledAt, recoveryCodesLeft: enabledAt ? recoveryCodesLeft : 0 };
}

/** A new secret for the user's authenticator app, pending until a code confirms it. */
export async function startTwoFactorSetup(options: { caller: Caller }): Promise<TwoFactorEnrolment> {
  const { userId } = options.caller;
  const user = await userTotp(userId);
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor login is already on");
  const secret = newTotpSecret();
  await db().user.update({ where: { id: userId }, data: { totpPendingSecret: sealTotpSecret(secret) } });
  return { secret, ...(await totpEnrolment({ secret, accountName: user.email })) };
}

/** The first code from the app turns two-factor login on; returns the recovery codes, shown once. */
export async function confirmTwoFactorSetup(options: { caller: Caller; input: unknown }): Promise<{ recoveryCodes: string[] }> {
  const { userId } = options.caller;
  const input = parseOrThrow(confirmTwoFactorSchema, options.input);
  await enforceRateLimits([codeLimit(`2fa:confirm:${userId}`)], "Too many codes");
  const user = await userTotp(userId);
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor login is already on");
  const secret = openTotpSecret(user.totpPendingSecret);
  if (!secret) throw new AppError("VALIDATION_FAILED", "Start the setup again", { fields: { code: "security.twoFactor.setupExpired" } });
  const step = await verifyTotpCode({ secret, code: input.code });
  if (step === null) throw new AppError("VALIDATION_FAILED", "Wrong code", { fields: { code: "security.twoFactor.codeWrong" } });
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await runAsUser(userId, () =>
    db().$transaction(async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id: userId, totpEnabledAt: null, totpPendingSecret: user.totpPendingSecret },
        data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
      });
      if (count !== 1) throw new AppError("CONFLICT", "Two-factor setup changed meanwhile");
      await tx.recoveryCode.deleteMany({ where: { userId } });
      await tx.recoveryCode.createMany({ data: recoveryCodes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
      await writeAuditLog(tx, {
        businessId: null,
        actorId: userId,
        action: "security.twoFactorEnable",
        entityType: "User",
        entityId: userId,
      });
    }),
  );
  await clearRateLimit(`2fa:confirm:${userId}`);
  return { recoveryCodes };
}

/** Turns two-factor login off: the password and a code (TOTP or recovery) are required. */
export async function disableTwoFactor(options: { caller: Caller; input: unknown }): Promise<void> {
  const { userId } = options.caller;
  const input = parseOrThrow(disableTwoFactorSchema, options.input);
  await enforceRateLimits([codeLimit(`2fa:disable:${userId}`)], "Too many attempts");
  const user = await userTotp(userId);
  if (!user?.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor login is off");
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    throw new AppError("VALIDATION_FAILED", "Wrong password", { fields: { password: "validation.currentPasswordWrong" } });
  }
  if (!(await redeemCode(userId, user, input.code))) {
    throw new AppError("VALIDATION_FAILED", "Wrong code", { fields: { code: "security.twoFactor.codeWrong" } });
  }
  await runAsUser(userId, () =>
    db().$transaction(async (tx) => {
      await tx.user.update({
        where: { id: userId },
        data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
      });
      await tx.recoveryCode.deleteMany({ where: { userId } });
      await writeAuditLog(tx, {
        businessId: null,
        actorId: userId,
        action: "security.twoFactorDisable",
        entityType: "User",
        entityId: userId,
      });
    }),
  );
  await clearRateLimit(`2fa:disable:${userId}`);
}

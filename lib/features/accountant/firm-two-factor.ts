// A firm's administrator may require two-factor login of every member: a member without
// it is sent to set it up before anything else (lib/platform/auth/current-user.ts requireUser and
// requireCaller, the API's cookie path, CSV downloads), the account page alone stays open.
import type { Caller } from "@/lib/features/businesses/access";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { firmTwoFactorSchema } from "@/lib/platform/auth/two-factor/two-factor.types";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { parseOrThrow } from "@/lib/platform/validation";

export async function getFirmTwoFactorRequirement(options: { caller: Caller }): Promise<boolean> {
  const member = await db().firmMember.findUnique({
    where: { userId: options.caller.userId },
    select: { firm: { select: { requireTwoFactor: true } } },
  });
  return member?.firm.requireTwoFactor ?? false;
}

export async function setFirmTwoFactorRequirement(options: { caller: Caller; input: unknown }): Promise<void> {
  const { caller } = options;
  const input = parseOrThrow(firmTwoFactorSchema, options.input);
  await db().$transaction(async (tx) => {
    const admin = await tx.firmMember.findUnique({ where: { userId: caller.userId } });
    if (!admin) throw new AppError("NOT_FOUND", "Firm not found");
    if (admin.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only the firm's administrator may change this");
    const self = await tx.user.findUnique({
      where: { id: caller.userId },
      select: { totpEnabledAt: true, _count: { select: { passkeys: true } } },
    });
    // Requiring it without having it would lock the administrator out of this very page.
    if (input.required && !self?.totpEnabledAt && !self?._count.passkeys) {
      throw new AppError("VALIDATION_FAILED", "Set up two-factor login yourself first", {
        fields: { required: "security.firm.adminNeedsTwoFactor" },
      });
    }
    await tx.firm.update({ where: { id: admin.firmId }, data: { requireTwoFactor: input.required } });
    await writeAuditLog(tx, {
      businessId: null,
      actorId: caller.userId,
      action: "security.firmTwoFactorRequirement",
      entityType: "Firm",
      entityId: admin.firmId,
      after: { required: input.required },
    });
  });
}

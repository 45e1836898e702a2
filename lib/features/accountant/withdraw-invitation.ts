// An owner withdraws a pending invitation; accepting it afterwards finds nothing.
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";

export async function withdrawInvitation(options: { caller: Caller; businessId: string; invitationId: string }): Promise<void> {
  const { caller, businessId, invitationId } = options;
  await db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "manage", client: tx });
    const { count } = await tx.accountantInvitation.updateMany({
      where: { id: invitationId, businessId, acceptedAt: null, declinedAt: null, withdrawnAt: null },
      data: { withdrawnAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "Invitation not found");
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "accountant.withdraw",
      entityType: "AccountantInvitation",
      entityId: invitationId,
    });
  });
}

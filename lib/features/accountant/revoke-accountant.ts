// An owner ends an accountant's access: the membership is deleted, so the accountant's
// next request — page, action or API — answers NOT_FOUND.
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";

export async function revokeAccountant(options: { caller: Caller; businessId: string; membershipId: string }): Promise<void> {
  const { caller, businessId, membershipId } = options;
  await db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "manage", client: tx });
    const membership = await tx.membership.findFirst({ where: { id: membershipId, businessId, role: "ACCOUNTANT" } });
    if (!membership) throw new AppError("NOT_FOUND", "Accountant not found");
    await tx.membership.delete({ where: { id: membershipId } });
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "accountant.revoke",
      entityType: "Membership",
      entityId: membershipId,
      before: { userId: membership.userId, access: membership.access },
    });
  });
}

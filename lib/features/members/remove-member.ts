// An owner removes someone's access (effective from the next request); the last owner stays.
import { db } from "@/lib/platform/db/client";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { assertAnotherOwnerRemains, findMembershipOfBusiness } from "@/lib/features/members/change-member-role";

export async function removeMember(options: { caller: Caller; businessId: string; membershipId: string }): Promise<void> {
  const { caller, businessId, membershipId } = options;
  await db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "manage", client: tx });
    const membership = await findMembershipOfBusiness(tx, businessId, membershipId);
    if (membership.role === "OWNER") await assertAnotherOwnerRemains(tx, businessId, membershipId);
    await tx.membership.delete({ where: { id: membershipId } });
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "member.remove",
      entityType: "Membership",
      entityId: membershipId,
      before: { userId: membership.userId, role: membership.role },
    });
  });
}

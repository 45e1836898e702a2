// An owner makes a member an owner or back; the last owner cannot step down.
import { db, type Tx } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { parseOrThrow } from "@/lib/platform/validation";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { changeMemberRoleSchema } from "@/lib/features/members/member.types";

export async function findMembershipOfBusiness(tx: Tx, businessId: string, membershipId: string) {
  const membership = await tx.membership.findFirst({ where: { id: membershipId, businessId } });
  if (!membership) throw new AppError("NOT_FOUND", "Member not found");
  return membership;
}

export async function assertAnotherOwnerRemains(tx: Tx, businessId: string, membershipId: string): Promise<void> {
  const owners = await tx.membership.count({ where: { businessId, role: "OWNER", id: { not: membershipId } } });
  if (owners === 0) throw new AppError("CONFLICT", "A business needs at least one owner", { fields: { role: "validation.lastOwner" } });
}

export async function changeMemberRole(options: {
  caller: Caller;
  businessId: string;
  membershipId: string;
  input: unknown;
}): Promise<void> {
  const { caller, businessId, membershipId } = options;
  const input = parseOrThrow(changeMemberRoleSchema, options.input);
  await db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "manage", client: tx });
    const membership = await findMembershipOfBusiness(tx, businessId, membershipId);
    if (membership.role === "ACCOUNTANT") throw new AppError("CONFLICT", "Accountant access is managed separately");
    if (membership.role === "OWNER" && input.role !== "OWNER") await assertAnotherOwnerRemains(tx, businessId, membershipId);
    await tx.membership.update({ where: { id: membershipId }, data: { role: input.role } });
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "member.role",
      entityType: "Membership",
      entityId: membershipId,
      before: { role: membership.role },
      after: { role: input.role },
    });
  });
}

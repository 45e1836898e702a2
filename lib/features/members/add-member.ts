// An owner gives another registered user access to the business. Only an account whose
// address is verified counts as registered (issue #15): whoever registered someone else's
// address first is told apart from nobody, and gets nothing.
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { parseOrThrow } from "@/lib/platform/validation";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { addMemberSchema } from "@/lib/features/members/member.types";

export async function addMember(options: { caller: Caller; businessId: string; input: unknown }): Promise<void> {
  const { caller, businessId } = options;
  const input = parseOrThrow(addMemberSchema, options.input);
  await db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "manage", client: tx });
    const user = await tx.user.findUnique({ where: { email: input.email } });
    if (!user?.emailVerifiedAt) {
      throw new AppError("VALIDATION_FAILED", "Unknown user", { fields: { email: "validation.unknownUser" } });
    }
    const existing = await tx.membership.findUnique({ where: { businessId_userId: { businessId, userId: user.id } } });
    if (existing) {
      throw new AppError("CONFLICT", "Already a member", { fields: { email: "validation.alreadyMember" } });
    }
    const membership = await tx.membership.create({
      data: { businessId, userId: user.id, role: input.role, access: "READ_WRITE" },
    });
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "member.add",
      entityType: "Membership",
      entityId: membership.id,
      after: { email: user.email, role: input.role },
    });
  });
}

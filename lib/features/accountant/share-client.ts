// An accountant shares a client with a colleague of the same firm: that creates the
// colleague's own ACCOUNTANT membership, at the sharer's level or lower, audit-logged in
// the business's log under the sharer's name. The owner sees the colleague among the
// business's accountants and can revoke them like any other.
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { parseOrThrow } from "@/lib/platform/validation";
import { shareClientSchema } from "./accountant.types";

export async function shareClient(options: { caller: Caller; businessId: string; input: unknown }): Promise<{ membershipId: string }> {
  const { caller, businessId } = options;
  const input = parseOrThrow(shareClientSchema, options.input);
  return db().$transaction(async (tx) => {
    const mine = await requireBusinessAccess({ caller, businessId, need: "read", client: tx });
    if (mine.role !== "ACCOUNTANT") throw new AppError("FORBIDDEN", "Only an accountant shares a client with a colleague; owners invite");
    if (mine.access === "READ_ONLY" && input.access === "READ_WRITE") {
      throw new AppError("FORBIDDEN", "Cannot share more access than you have", {
        fields: { access: "accountant.errors.shareAboveOwnAccess" },
      });
    }
    const [me, colleague] = await Promise.all([
      tx.firmMember.findUnique({ where: { userId: caller.userId }, include: { firm: { select: { name: true } } } }),
      tx.firmMember.findUnique({ where: { userId: input.colleagueId }, include: { user: { select: { email: true } } } }),
    ]);
    if (!me || !colleague || colleague.firmId !== me.firmId || colleague.userId === caller.userId) {
      throw new AppError("VALIDATION_FAILED", "Not a colleague", { fields: { colleagueId: "accountant.errors.notAColleague" } });
    }
    if (await tx.membership.findUnique({ where: { businessId_userId: { businessId, userId: colleague.userId } } })) {
      throw new AppError("CONFLICT", "Already has access", { fields: { colleagueId: "validation.alreadyMember" } });
    }
    const membership = await tx.membership.create({
      data: { businessId, userId: colleague.userId, role: "ACCOUNTANT", access: input.access },
    });
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "accountant.share",
      entityType: "Membership",
      entityId: membership.id,
      after: { email: colleague.user.email, role: "ACCOUNTANT", access: input.access, firm: me.firm.name },
    });
    return { membershipId: membership.id };
  });
}

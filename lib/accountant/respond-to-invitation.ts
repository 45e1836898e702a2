// The invitee accepts or declines. Accepting creates the ACCOUNTANT membership with the
// level the owner chose and marks the user as an accountant; both answers close the
// invitation. Someone else's, an expired or a withdrawn invitation is NOT_FOUND.
import type { Caller } from "@/lib/businesses/access";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAuditLog } from "@/lib/audit/write-audit-log";

export async function respondToInvitation(options: { caller: Caller; invitationId: string; accept: boolean; now?: Date }): Promise<{ businessId: string }> {
  const { caller, invitationId, accept } = options;
  const now = options.now ?? new Date();
  if (!/^[0-9a-f-]{36}$/i.test(invitationId)) throw new AppError("NOT_FOUND", "Invitation not found");
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: caller.userId }, select: { id: true, email: true } });
    if (!user) throw new AppError("NOT_FOUND", "Invitation not found");
    // Closing the invitation first, conditionally, makes a double click accept only once.
    const { count } = await tx.accountantInvitation.updateMany({
      where: { id: invitationId, email: user.email.toLowerCase(), acceptedAt: null, declinedAt: null, withdrawnAt: null, expiresAt: { gt: now } },
      data: accept ? { acceptedAt: now } : { declinedAt: now },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "Invitation not found");
    const invitation = await tx.accountantInvitation.findUniqueOrThrow({ where: { id: invitationId } });
    const { businessId } = invitation;
    if (accept) {
      const existing = await tx.membership.findUnique({ where: { businessId_userId: { businessId, userId: user.id } } });
      if (existing) throw new AppError("CONFLICT", "Already has access");
      const membership = await tx.membership.create({ data: { businessId, userId: user.id, role: "ACCOUNTANT", access: invitation.access } });
      await tx.user.update({ where: { id: user.id }, data: { isAccountant: true } });
      await writeAuditLog(tx, {
        businessId,
        actorId: user.id,
        action: "accountant.accept",
        entityType: "Membership",
        entityId: membership.id,
        after: { email: user.email, role: "ACCOUNTANT", access: invitation.access },
      });
    } else {
      await writeAuditLog(tx, { businessId, actorId: user.id, action: "accountant.decline", entityType: "AccountantInvitation", entityId: invitationId });
    }
    return { businessId };
  });
}

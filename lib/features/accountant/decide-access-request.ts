// An owner answers an accountant's request for access: approving creates the ACCOUNTANT
// membership at the level the owner chooses (that membership is the access); rejecting
// only closes the request. Both are audit-logged. A request of another business, an
// expired, withdrawn or answered one is NOT_FOUND, and so is one of an accountant whose
// address is not verified (issue #15: the owner decides on the address shown).
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { parseOrThrow } from "@/lib/platform/validation";
import { isEmailVerified } from "@/lib/features/users/email-verification/is-email-verified";
import { decideAccessRequestSchema } from "./accountant.types";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function decideAccessRequest(options: {
  caller: Caller;
  businessId: string;
  requestId: string;
  input: unknown;
  now?: Date;
}): Promise<void> {
  const { caller, businessId, requestId } = options;
  const input = parseOrThrow(decideAccessRequestSchema, options.input);
  const now = options.now ?? new Date();
  await db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "manage", client: tx });
    if (!uuid.test(requestId)) throw new AppError("NOT_FOUND", "Request not found");
    if (!(await isEmailVerified(caller.userId, tx)))
      throw new AppError("FORBIDDEN", "Verify your email address first", { fields: { access: "accountant.errors.verifyFirst" } });
    // Closing it first, conditionally, makes a double click answer only once.
    const { count } = await tx.accountantAccessRequest.updateMany({
      where: {
        id: requestId,
        businessId,
        approvedAt: null,
        rejectedAt: null,
        withdrawnAt: null,
        expiresAt: { gt: now },
        accountant: { emailVerifiedAt: { not: null } },
      },
      data: input.approve
        ? { approvedAt: now, decidedById: caller.userId, access: input.access }
        : { rejectedAt: now, decidedById: caller.userId },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "Request not found");
    const request = await tx.accountantAccessRequest.findUniqueOrThrow({
      where: { id: requestId },
      include: { accountant: { select: { email: true } } },
    });
    if (!input.approve) {
      await writeAuditLog(tx, {
        businessId,
        actorId: caller.userId,
        action: "accountant.request.reject",
        entityType: "AccountantAccessRequest",
        entityId: requestId,
        after: { email: request.accountant.email },
      });
      return;
    }
    const existing = await tx.membership.findUnique({ where: { businessId_userId: { businessId, userId: request.accountantId } } });
    if (existing) throw new AppError("CONFLICT", "Already has access", { fields: { access: "validation.alreadyMember" } });
    const membership = await tx.membership.create({
      data: { businessId, userId: request.accountantId, role: "ACCOUNTANT", access: input.access },
    });
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "accountant.request.approve",
      entityType: "Membership",
      entityId: membership.id,
      after: { requestId, email: request.accountant.email, role: "ACCOUNTANT", access: input.access },
    });
  });
}

// An owner switches an accountant between read-only and read-and-register-invoices;
// the next request of the accountant is judged by the new level.
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { parseOrThrow } from "@/lib/platform/validation";
import { changeAccountantAccessSchema } from "./accountant.types";

export async function changeAccountantAccess(options: {
  caller: Caller;
  businessId: string;
  membershipId: string;
  input: unknown;
}): Promise<void> {
  const { caller, businessId, membershipId } = options;
  const input = parseOrThrow(changeAccountantAccessSchema, options.input);
  await db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "manage", client: tx });
    const membership = await tx.membership.findFirst({ where: { id: membershipId, businessId, role: "ACCOUNTANT" } });
    if (!membership) throw new AppError("NOT_FOUND", "Accountant not found");
    await tx.membership.update({ where: { id: membershipId }, data: { access: input.access } });
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "accountant.access",
      entityType: "Membership",
      entityId: membershipId,
      before: { access: membership.access },
      after: { access: input.access },
    });
  });
}

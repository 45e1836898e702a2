// Edits a business's details and replaces its KOR periods; owners only.
import { db } from "@/lib/platform/db/client";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { parseOrThrow } from "@/lib/platform/validation";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { businessInputSchema } from "@/lib/features/businesses/business.types";
import { businessColumns, participationRows, toBusinessDto, type BusinessDto } from "@/lib/features/businesses/business-dto";

export async function updateBusiness(options: { caller: Caller; businessId: string; input: unknown }): Promise<BusinessDto> {
  const { caller, businessId } = options;
  const input = parseOrThrow(businessInputSchema, options.input);
  return db().$transaction(async (tx) => {
    const membership = await requireBusinessAccess({ caller, businessId, need: "manage", client: tx });
    const before = await tx.business.findUniqueOrThrow({ where: { id: businessId }, include: { korParticipations: true } });
    const business = await tx.business.update({ where: { id: businessId }, data: businessColumns(input) });
    await tx.korParticipation.deleteMany({ where: { businessId } });
    if (input.korParticipations.length) {
      await tx.korParticipation.createMany({ data: participationRows(input, businessId) });
    }
    const korParticipations = await tx.korParticipation.findMany({ where: { businessId } });
    const after = toBusinessDto({ ...business, korParticipations }, membership);
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "business.update",
      entityType: "Business",
      entityId: businessId,
      before: toBusinessDto(before, membership),
      after,
    });
    return after;
  });
}

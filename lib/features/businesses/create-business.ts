// Creates a business owned by the caller, with its KOR periods, in one transaction.
import crypto from "node:crypto";
import { db } from "@/lib/platform/db/client";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { parseOrThrow } from "@/lib/platform/validation";
import type { Caller } from "@/lib/features/businesses/access";
import { businessInputSchema } from "@/lib/features/businesses/business.types";
import { businessColumns, participationRows, toBusinessDto, type BusinessDto } from "@/lib/features/businesses/business-dto";

export async function createBusiness(options: { caller: Caller; input: unknown }): Promise<BusinessDto> {
  const input = parseOrThrow(businessInputSchema, options.input);
  const id = crypto.randomUUID();
  return db().$transaction(async (tx) => {
    // Row-level security: the new business has no member yet; this transaction-local
    // setting lets its creator see it until the OWNER membership below exists.
    await tx.$executeRaw`SELECT set_config('drempel.new_business', ${id}, true)`;
    const business = await tx.business.create({ data: { id, ...businessColumns(input) } });
    if (input.korParticipations.length) {
      await tx.korParticipation.createMany({ data: participationRows(input, business.id) });
    }
    const membership = await tx.membership.create({
      data: { businessId: business.id, userId: options.caller.userId, role: "OWNER", access: "READ_WRITE" },
    });
    await writeAuditLog(tx, {
      businessId: business.id,
      actorId: options.caller.userId,
      action: "business.create",
      entityType: "Business",
      entityId: business.id,
      after: input,
    });
    const korParticipations = await tx.korParticipation.findMany({ where: { businessId: business.id } });
    return toBusinessDto({ ...business, korParticipations }, membership);
  });
}

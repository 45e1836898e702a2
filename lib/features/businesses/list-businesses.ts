// The businesses the caller belongs to, by name (for a token limited to some
// businesses, only those).
import { db } from "@/lib/platform/db/client";
import type { Caller } from "@/lib/features/businesses/access";
import { toBusinessDto, type BusinessDto } from "@/lib/features/businesses/business-dto";

export async function listBusinesses(options: { caller: Caller }): Promise<BusinessDto[]> {
  const memberships = await db().membership.findMany({
    where: {
      userId: options.caller.userId,
      ...(options.caller.businessIds ? { businessId: { in: [...options.caller.businessIds] } } : {}),
    },
    include: { business: { include: { korParticipations: true } } },
  });
  return memberships.map((membership) => toBusinessDto(membership.business, membership)).sort((a, b) => a.name.localeCompare(b.name, "nl"));
}

// One business as the caller may see it; NOT_FOUND for anyone without access.
import { db } from "@/lib/platform/db/client";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { toBusinessDto, type BusinessDto } from "@/lib/features/businesses/business-dto";

export async function getBusiness(options: { caller: Caller; businessId: string }): Promise<BusinessDto> {
  const membership = await requireBusinessAccess({ ...options, need: "read" });
  const business = await db().business.findUniqueOrThrow({
    where: { id: options.businessId },
    include: { korParticipations: true },
  });
  return toBusinessDto(business, membership);
}

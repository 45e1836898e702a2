// The caller's live API tokens, newest first, with the businesses each is limited to.
// Never the secret: only its prefix. Expired tokens stay listed (marked by their
// expiry) until revoked, so their owner sees why a client stopped working.
import { db } from "@/lib/platform/db/client";
import type { Caller } from "@/lib/features/businesses/access";
import { toApiTokenDto, type ApiTokenDto } from "@/lib/features/api-tokens/api-token.types";

export async function listApiTokens(options: { caller: Caller }): Promise<ApiTokenDto[]> {
  const { userId } = options.caller;
  const rows = await db().apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const ids = [...new Set(rows.flatMap((row) => row.businessIds))];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    const memberships = await db().membership.findMany({
      where: { userId, businessId: { in: ids } },
      select: { business: { select: { id: true, name: true } } },
    });
    for (const { business } of memberships) names.set(business.id, business.name);
  }
  return rows.map((row) => toApiTokenDto(row, names));
}

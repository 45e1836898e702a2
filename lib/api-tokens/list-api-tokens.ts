// The caller's live API tokens, newest first. Never the secret: only its prefix.
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/businesses/access";
import { toApiTokenDto, type ApiTokenDto } from "@/lib/api-tokens/api-token.types";

export async function listApiTokens(options: { caller: Caller }): Promise<ApiTokenDto[]> {
  const rows = await db().apiToken.findMany({
    where: { userId: options.caller.userId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toApiTokenDto);
}

// Who a bearer token belongs to: a live token's user and scope, or null. lastUsedAt is
// written at most once a minute per token, so a busy client costs no write per request.
import { db } from "@/lib/db/client";
import { hashApiToken, isApiTokenFormat } from "@/lib/api-tokens/token-format";

export type TokenIdentity = { tokenId: string; userId: string; scope: "READ" | "READ_WRITE" };

const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticateApiToken(options: { token: string; now?: Date }): Promise<TokenIdentity | null> {
  if (!isApiTokenFormat(options.token)) return null;
  // Raw: on every API request, and a third of Prisma's time for this one-row read.
  const [row] = await db().$queryRaw<{ id: string; userId: string; scope: TokenIdentity["scope"]; lastUsedAt: Date | null }[]>`
    SELECT "id", "userId", "scope"::text AS "scope", "lastUsedAt" FROM "ApiToken"
     WHERE "tokenHash" = ${hashApiToken(options.token)} AND "revokedAt" IS NULL`;
  if (!row) return null;
  const now = options.now ?? new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db().apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { tokenId: row.id, userId: row.userId, scope: row.scope };
}

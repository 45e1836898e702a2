// Who a bearer token belongs to: a live (unrevoked, unexpired) token's user, scope and
// businesses, or null. One statement, without a row-level-security context (the tables
// involved have none): the lookup, lastUsedAt (written at most once a minute per token, so a busy
// client costs no row version per request) and, when asked, the token's rate-limit count.
import { queryRows } from "@/lib/platform/db/client";
import { runOnTenantFreeTables } from "@/lib/platform/db/db-context";
import { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { hashApiToken, isApiTokenFormat } from "@/lib/features/api-tokens/token-format";
import { rateLimitResult, rateLimitUpsertSql, type RateLimitResult } from "@/lib/platform/rate-limit/hit-rate-limit";

export type TokenIdentity = {
  tokenId: string;
  userId: string;
  scope: "READ" | "READ_WRITE";
  /** The businesses the token is limited to; undefined: every business of the user. */
  businessIds?: string[];
};

const LAST_USED_RESOLUTION_SECONDS = 60;

const RATE_KEY_PREFIX = "api:token:";
/** The rate-limit key of an API token's requests. */
export const apiTokenRateKey = (tokenId: string) => `${RATE_KEY_PREFIX}${tokenId}`;

type Row = {
  id: string;
  userId: string;
  scope: TokenIdentity["scope"];
  businessIds: string;
  count: number | null;
  resetAtMs: number | null;
};

export async function authenticateApiToken(options: {
  token: string;
  now?: Date;
  /** Count this request against the token's limit (PostgreSQL store) in the same statement. */
  rateLimit?: { limit: number; windowSeconds: number };
}): Promise<(TokenIdentity & { rateLimit?: RateLimitResult }) | null> {
  if (!isApiTokenFormat(options.token)) return null;
  const now = options.now ?? new Date();
  const { rateLimit } = options;
  const counted = rateLimit
    ? Prisma.sql`, counted AS (${rateLimitUpsertSql({
        keys: Prisma.sql`SELECT ${RATE_KEY_PREFIX}::text || token."id"::text AS "key" FROM token`,
        windowSeconds: rateLimit.windowSeconds,
        relaxedDurability: true,
      })})`
    : Prisma.sql`, counted AS (SELECT NULL::int AS "count", NULL::timestamp AS "resetAt")`;
  // Timestamps as UTC text in and epoch milliseconds out: timestamp(3) columns hold UTC.
  const at = Prisma.sql`${now.toISOString().slice(0, 23)}::timestamp`;
  const [row] = await runOnTenantFreeTables(() =>
    queryRows<Row>(Prisma.sql`
      WITH token AS (
        SELECT "id", "userId", "scope"::text AS "scope", coalesce(array_to_string("businessIds", ','), '') AS "businessIds" FROM "ApiToken"
         WHERE "tokenHash" = ${hashApiToken(options.token)} AND "revokedAt" IS NULL
           AND ("expiresAt" IS NULL OR "expiresAt" > ${at})
      ), used AS (
        UPDATE "ApiToken" SET "lastUsedAt" = ${at}
         WHERE "id" IN (SELECT "id" FROM token)
           AND ("lastUsedAt" IS NULL OR "lastUsedAt" <= ${at} - make_interval(secs => ${LAST_USED_RESOLUTION_SECONDS}))
      )${counted}
      SELECT token."id", token."userId", token."scope", token."businessIds", counted."count",
             (extract(epoch FROM counted."resetAt" AT TIME ZONE 'UTC') * 1000)::float8 AS "resetAtMs"
        FROM token LEFT JOIN counted ON true`),
  );
  if (!row) return null;
  const identity: TokenIdentity = { tokenId: row.id, userId: row.userId, scope: row.scope };
  if (row.businessIds) identity.businessIds = row.businessIds.split(",");
  if (!rateLimit || row.count === null || row.resetAtMs === null) return identity;
  return { ...identity, rateLimit: rateLimitResult({ count: row.count, resetAt: new Date(row.resetAtMs) }, rateLimit.limit) };
}

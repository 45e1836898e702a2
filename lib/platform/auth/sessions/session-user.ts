// The user behind a session cookie, in one statement: the user with the cookie's password
// version, their session still live (live-session-sql.ts; its lastSeenAt moved on), and
// whether their firm requires two-factor login they have not set up (a TOTP app or a passkey). Used by the page and
// action guard (current-user.ts) and the API's cookie path (resolve-api-caller.ts).
import { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { queryRows } from "@/lib/platform/db/client";
import { runAsUser } from "@/lib/platform/db/db-context";
import { env } from "@/lib/platform/env";
import { isSessionId, liveSessionCte, twoFactorSetupRequiredSql } from "./live-session-sql";

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  locale: "nl" | "en";
  isAccountant: boolean;
  /** Whether the user proved their address (invitations and access requests need it). */
  emailVerified: boolean;
  /** The firm requires two-factor login and this user has not set it up. */
  twoFactorSetupRequired: boolean;
};

export type SessionClaims = { userId: unknown; sessionId: unknown; passwordVersion: unknown };

export function sessionUserSql(options: { userId: string; sessionId: string; passwordVersion: number; idleSeconds: number }): Prisma.Sql {
  const { userId, passwordVersion } = options;
  return Prisma.sql`
    WITH ${liveSessionCte(options)}
    SELECT u."id", u."name", u."email", u."locale"::text AS "locale", u."isAccountant",
           u."emailVerifiedAt" IS NOT NULL AS "emailVerified",
           ${twoFactorSetupRequiredSql} AS "twoFactorSetupRequired"
      FROM "User" u JOIN live ON true
     WHERE u."id" = ${userId}::uuid AND u."passwordVersion" = ${passwordVersion}::int`;
}

/** The session's user, or null when the claims are malformed or the session has ended. */
export async function findSessionUser(claims: SessionClaims): Promise<SessionUser | null> {
  const { userId, sessionId, passwordVersion } = claims;
  if (!isSessionId(userId) || !isSessionId(sessionId)) return null;
  if (typeof passwordVersion !== "number" || !Number.isInteger(passwordVersion)) return null;
  const idleSeconds = env().SESSION_IDLE_MINUTES * 60;
  const rows = await runAsUser(userId, () => queryRows<SessionUser>(sessionUserSql({ userId, sessionId, passwordVersion, idleSeconds })));
  return rows[0] ?? null;
}

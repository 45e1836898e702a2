// The server's side of a login (UserSession): the one definition of a session that still
// counts, shared by every statement that checks a session cookie (the signed-in user of
// pages and actions, the API's cookie path, the dashboard page cache). A cookie is only
// the session's id: logging out, "log out everywhere", SESSION_IDLE_MINUTES without a
// request, or 30 days after the login end it here, whatever the cookie says.
import { Prisma } from "@/lib/platform/db/generated/prisma/client";

/** The absolute lifetime of a login, and of next-auth's cookie. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** lastSeenAt is written at most this often: one write a minute per active session. */
export const SESSION_TOUCH_SECONDS = 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isSessionId = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/**
 * Two common table expressions to put before a statement's SELECT: `live` holds the session's
 * id while it counts (join it to refuse an ended session in the same statement), and
 * `touched` moves its lastSeenAt forward when the last write is over a minute old.
 * Runs as the session's user (row-level security on "UserSession").
 */
export function liveSessionCte(options: { sessionId: string; userId: string; idleSeconds: number }): Prisma.Sql {
  const { sessionId, userId, idleSeconds } = options;
  return Prisma.sql`
    live AS (
      SELECT s."id" FROM "UserSession" s
       WHERE s."id" = ${sessionId}::uuid AND s."userId" = ${userId}::uuid AND s."revokedAt" IS NULL
         AND s."expiresAt" > now() AND s."lastSeenAt" > now() - make_interval(secs => ${idleSeconds}::int)
    ),
    touched AS (
      UPDATE "UserSession" t SET "lastSeenAt" = now()
        FROM live WHERE t."id" = live."id" AND t."lastSeenAt" < now() - make_interval(secs => ${SESSION_TOUCH_SECONDS}::int)
    )`;
}

/**
 * Whether the user `u` must still set up two-factor login (their firm requires it and they
 * have neither a TOTP app nor a passkey); also hashed by the page cache's fingerprint.
 */
export const twoFactorSetupRequiredSql = Prisma.sql`(u."totpEnabledAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "Passkey" p WHERE p."userId" = u."id") AND EXISTS (
              SELECT 1 FROM "FirmMember" fm JOIN "Firm" f ON f."id" = fm."firmId"
               WHERE fm."userId" = u."id" AND f."requireTwoFactor"))`;

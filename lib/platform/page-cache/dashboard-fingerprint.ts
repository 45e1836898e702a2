// Everything in the database that a business's dashboard page shows, as one hash: a
// rendered page may be served again only while this is unchanged (lib/platform/page-cache/page-cache.ts).
// The page reads (PostgreSQL's statement log of one render): the user, the layout's list
// of their businesses, whether they see the accountant view (accountant, or a pending
// invitation), whether their firm sends them to set up two-factor login first, their
// unread notifications, the business with their membership of it, its KOR periods, its
// investment goods, and the books (invoices and deregistrations, through the business's
// booksVersion, which the database raises with every change of them). Rows are hashed
// whole, so a new column is covered without a change here; the counts are the page's own.
// The tables are declared in dashboard-reads.ts, whose test fails when the page's code
// reads a table declared nowhere or not named here.
// Runs as the user, under row-level security, and finds nothing without a membership, or
// when the cookie's server-side session has ended (logged out, idle, ended elsewhere; its
// lastSeenAt moves on in the same statement, as for every other page).
import { isSessionId, liveSessionCte, twoFactorSetupRequiredSql } from "@/lib/platform/auth/sessions/live-session-sql";
import type { ContextPool } from "@/lib/platform/db/context-pool";
import { env } from "@/lib/platform/env";
import { thresholdsVersionSql } from "@/lib/features/eu-kor/thresholds-version";
import { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { runAsUser } from "@/lib/platform/db/db-context";

export type DashboardFingerprint = { passwordVersion: number; fingerprint: string };

export function dashboardFingerprintSql(
  userId: string,
  businessId: string,
  session: { sessionId: string; idleSeconds: number },
): Prisma.Sql {
  return Prisma.sql`
    WITH ${liveSessionCte({ userId, ...session })}
    SELECT u."passwordVersion",
           md5(concat_ws(E'\\n',
             row(u.*)::text,
             (${twoFactorSetupRequiredSql})::text,
             row(m.*)::text,
             row(b.*)::text,
             (SELECT string_agg(row(k.*)::text, ',' ORDER BY k."id") FROM "KorParticipation" k WHERE k."businessId" = b."id"),
             (SELECT string_agg(row(g.*)::text, ',' ORDER BY g."id") FROM "InvestmentGood" g WHERE g."businessId" = b."id"),
             (SELECT string_agg(row(om."businessId", om."role", om."access", ob."name")::text, ',' ORDER BY om."businessId")
                FROM "Membership" om JOIN "Business" ob ON ob."id" = om."businessId" WHERE om."userId" = u."id"),
             (SELECT count(*) FROM "Notification" n
               WHERE n."userId" = u."id" AND n."readAt" IS NULL
                 AND EXISTS (SELECT 1 FROM "Membership" nm WHERE nm."businessId" = n."businessId" AND nm."userId" = u."id"))::text,
             (SELECT count(*) FROM "AccountantInvitation" i
               WHERE i."email" = lower(u."email") AND i."acceptedAt" IS NULL AND i."declinedAt" IS NULL
                 AND i."withdrawnAt" IS NULL AND i."expiresAt" > now())::text,
             -- The member-state thresholds the engine reads (an operator's change shows at once).
             ${thresholdsVersionSql}
           )) AS "fingerprint"
      FROM "User" u
      JOIN live ON true
      JOIN "Membership" m ON m."userId" = u."id" AND m."businessId" = ${businessId}::uuid
      JOIN "Business" b ON b."id" = m."businessId"
     WHERE u."id" = ${userId}::uuid`;
}

export type FingerprintReader = (options: {
  userId: string;
  businessId: string;
  sessionId: string;
}) => Promise<DashboardFingerprint | null>;

/**
 * Reads the user's password version and the page's fingerprint (null when the user may not
 * see the business or the session has ended) through `pool` as a prepared statement. The page cache
 * has a pool of its own: it runs outside Next.js's bundles, which have their own copy of
 * the Prisma client.
 */
export function fingerprintReader(pool: ContextPool): FingerprintReader {
  return async ({ userId, businessId, sessionId }) => {
    if (!isSessionId(sessionId)) return null;
    const idleSeconds = env().SESSION_IDLE_MINUTES * 60;
    const rows = await runAsUser(userId, () =>
      pool.queryPrepared<DashboardFingerprint>(dashboardFingerprintSql(userId, businessId, { sessionId, idleSeconds })),
    );
    return rows[0] ?? null;
  };
}

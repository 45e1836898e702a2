// The queue worker's periodic clean-up: rows that stopped meaning anything are deleted, so
// the tables do not grow forever. Each rule keeps whatever the application still reads:
// - password reset and e-mail verification tokens once expired or used (a dead link gets
//   the same answer as an unknown one);
// - rate-limit counters whose window has ended (the next hit would start at 1 anyway);
// - Idempotency-Key answers past IDEMPOTENCY_TTL_MS (they are no longer replayed);
// - access requests past their expiry and older than ACCESS_REQUEST_HISTORY_DAYS (the
//   accountant's list no longer shows them; the decisions stay in the audit log);
// - accountant invitations that expired more than ACCESS_REQUEST_HISTORY_DAYS ago,
//   whatever became of them (only open, unexpired ones are shown or can be answered; an
//   accepted one lives on as the membership, every answer in the audit log);
// - login sessions that have ended: logged out, past their 30 days, or idle past
//   SESSION_IDLE_MINUTES (only live ones are checked or listed; logins and logouts stay
//   in the audit log);
// - WebAuthn challenges past their five minutes (a passkey ceremony never finished).
// The audit log is append-only and never touched. Runs in system mode: under row-level
// security the app role sees no tenant's tokens or requests otherwise.
import { ACCESS_REQUEST_HISTORY_DAYS } from "@/lib/features/accountant/accountant.types";
import { IDEMPOTENCY_TTL_MS } from "@/lib/platform/api/idempotency";
import { db } from "@/lib/platform/db/client";
import { runAsSystem } from "@/lib/platform/db/db-context";
import { env } from "@/lib/platform/env";

export type DeletedRows = {
  passwordResetTokens: number;
  rateLimits: number;
  idempotencyRecords: number;
  accessRequests: number;
  invitations: number;
  emailVerificationTokens: number;
  userSessions: number;
  webAuthnChallenges: number;
};

export async function deleteExpiredRows(now: Date): Promise<DeletedRows> {
  return runAsSystem(async () => {
    const tokens = await db().passwordResetToken.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { usedAt: { not: null } }] } });
    // "RateLimit"."resetAt" and "IdempotencyRecord"."createdAt" are timestamps without a
    // zone, written by the database's own clock (now(), CURRENT_TIMESTAMP); comparing
    // them with a timestamptz in SQL reads them in the same session zone they were
    // written in.
    const rateLimits = await db().$executeRaw`DELETE FROM "RateLimit" WHERE "resetAt" <= ${now.toISOString()}::timestamptz`;
    const idempotencyRecords = await db()
      .$executeRaw`DELETE FROM "IdempotencyRecord" WHERE "createdAt" < ${new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString()}::timestamptz`;
    const historyStart = new Date(now.getTime() - ACCESS_REQUEST_HISTORY_DAYS * 86_400_000);
    const requests = await db().accountantAccessRequest.deleteMany({ where: { expiresAt: { lte: now }, createdAt: { lt: historyStart } } });
    const invitations = await db().accountantInvitation.deleteMany({ where: { expiresAt: { lte: historyStart } } });
    const verificationTokens = await db().emailVerificationToken.deleteMany({
      where: { OR: [{ expiresAt: { lte: now } }, { usedAt: { not: null } }] },
    });
    const idleSince = new Date(now.getTime() - env().SESSION_IDLE_MINUTES * 60_000);
    const sessions = await db().userSession.deleteMany({
      where: { OR: [{ revokedAt: { not: null } }, { expiresAt: { lte: now } }, { lastSeenAt: { lte: idleSince } }] },
    });
    const challenges = await db().webAuthnChallenge.deleteMany({ where: { expiresAt: { lte: now } } });
    return {
      passwordResetTokens: tokens.count,
      rateLimits,
      idempotencyRecords,
      accessRequests: requests.count,
      invitations: invitations.count,
      emailVerificationTokens: verificationTokens.count,
      userSessions: sessions.count,
      webAuthnChallenges: challenges.count,
    };
  });
}

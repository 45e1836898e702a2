// A user's logins (UserSession): started by a successful login, listed on the account
// page, ended by logging out, by "log out" on one of them, or by "log out everywhere".
// Every statement runs as the session's user under row-level security; an id of another
// user's session is "not found".
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { db } from "@/lib/platform/db/client";
import { runAsUser } from "@/lib/platform/db/db-context";
import { env } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import { isSessionId, SESSION_MAX_AGE_SECONDS } from "./live-session-sql";

export type UserSessionDto = {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

const clip = (value: string | undefined | null, length: number) => (value ? value.slice(0, length) : null);

/** Records a login: the id goes into the session cookie as `sid`. */
export async function startUserSession(options: {
  userId: string;
  userAgent?: string | null;
  ip?: string | null;
  now?: Date;
}): Promise<string> {
  const now = options.now ?? new Date();
  return runAsUser(options.userId, () =>
    db().$transaction(async (tx) => {
      const session = await tx.userSession.create({
        data: {
          userId: options.userId,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
          userAgent: clip(options.userAgent, 400),
          ip: clip(options.ip, 100),
        },
        select: { id: true },
      });
      await writeAuditLog(tx, {
        businessId: null,
        actorId: options.userId,
        action: "security.login",
        entityType: "UserSession",
        entityId: session.id,
        after: { ip: clip(options.ip, 100) },
      });
      return session.id;
    }),
  );
}

/** The user's sessions that still count, the most recently used first. */
export async function listUserSessions(options: {
  caller: { userId: string };
  currentSessionId?: string | null;
  now?: Date;
}): Promise<UserSessionDto[]> {
  const now = options.now ?? new Date();
  const idleSince = new Date(now.getTime() - env().SESSION_IDLE_MINUTES * 60_000);
  const sessions = await runAsUser(options.caller.userId, () =>
    db().userSession.findMany({
      where: { userId: options.caller.userId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: idleSince } },
      orderBy: { lastSeenAt: "desc" },
      select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true },
    }),
  );
  return sessions.map((session) => ({ ...session, current: session.id === options.currentSessionId }));
}

/** Logging out: ends this session on the server. Unknown, foreign or ended sessions are left alone. */
export async function endUserSession(options: { userId: string; sessionId: unknown; now?: Date }): Promise<boolean> {
  const { userId, sessionId } = options;
  if (!isSessionId(userId) || !isSessionId(sessionId)) return false;
  return runAsUser(userId, () =>
    db().$transaction(async (tx) => {
      const { count } = await tx.userSession.updateMany({
        where: { id: sessionId, userId, revokedAt: null },
        data: { revokedAt: options.now ?? new Date() },
      });
      if (count > 0)
        await writeAuditLog(tx, {
          businessId: null,
          actorId: userId,
          action: "security.logout",
          entityType: "UserSession",
          entityId: sessionId,
        });
      return count > 0;
    }),
  );
}

/** "Log out" on one of the user's sessions in the list. */
export async function revokeUserSession(options: { caller: { userId: string }; sessionId: unknown }): Promise<void> {
  const { caller, sessionId } = options;
  if (!isSessionId(sessionId)) throw new AppError("NOT_FOUND", "Session not found");
  await runAsUser(caller.userId, () =>
    db().$transaction(async (tx) => {
      const { count } = await tx.userSession.updateMany({
        where: { id: sessionId, userId: caller.userId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (count === 0) throw new AppError("NOT_FOUND", "Session not found");
      await writeAuditLog(tx, {
        businessId: null,
        actorId: caller.userId,
        action: "security.sessionRevoke",
        entityType: "UserSession",
        entityId: sessionId,
      });
    }),
  );
}

/** "Log out everywhere": every session of the user but `keepSessionId` (none: all of them). Returns how many ended. */
export async function revokeAllUserSessions(options: { caller: { userId: string }; keepSessionId?: string | null }): Promise<number> {
  const { caller } = options;
  const keep = isSessionId(options.keepSessionId) ? options.keepSessionId : null;
  return runAsUser(caller.userId, () =>
    db().$transaction(async (tx) => {
      const { count } = await tx.userSession.updateMany({
        where: { userId: caller.userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
        data: { revokedAt: new Date() },
      });
      await writeAuditLog(tx, {
        businessId: null,
        actorId: caller.userId,
        action: "security.sessionRevokeAll",
        entityType: "UserSession",
        after: { ended: count, keptCurrent: keep !== null },
      });
      return count;
    }),
  );
}

// The user's own security log, shown on the account page: logins (and failed ones),
// logouts, ended sessions, password and two-factor changes, API tokens and CSV exports.
// Read as the user under row-level security ("AuditLog": a user reads its own entries
// without a business, and those of businesses it belongs to; the filter on actorId
// keeps other members' actions out).
import { db } from "@/lib/platform/db/client";
import { runAsUser } from "@/lib/platform/db/db-context";

export type SecurityEvent = { id: string; action: string; createdAt: Date; ip: string | null; detail: string | null };

export const SECURITY_ACTION_PREFIX = "security.";

export async function listSecurityEvents(options: { caller: { userId: string }; limit?: number }): Promise<SecurityEvent[]> {
  const { userId } = options.caller;
  const rows = await runAsUser(userId, () =>
    db().auditLog.findMany({
      where: { actorId: userId, action: { startsWith: SECURITY_ACTION_PREFIX } },
      orderBy: { createdAt: "desc" },
      take: Math.min(options.limit ?? 30, 100),
      select: { id: true, action: true, createdAt: true, entityType: true, entityId: true, after: true },
    }),
  );
  return rows.map((row) => {
    const after = (row.after ?? {}) as Record<string, unknown>;
    const detail =
      row.entityType === "Export" || row.entityType === "ApiToken" ? (typeof after.name === "string" ? after.name : row.entityId) : null;
    return {
      id: row.id,
      action: row.action.slice(SECURITY_ACTION_PREFIX.length),
      createdAt: row.createdAt,
      ip: typeof after.ip === "string" ? after.ip : null,
      detail,
    };
  });
}

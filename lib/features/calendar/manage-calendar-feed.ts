// The caller's calendar feed: its state for the account page, a new secret (replacing any
// earlier one, whose URL then answers 404) and revoking it. The clear secret is returned
// once, on creation, and never stored. Both changes go into the user's security log.
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { db } from "@/lib/platform/db/client";
import { runAsUser } from "@/lib/platform/db/db-context";
import { AppError } from "@/lib/platform/errors";
import { generateFeedSecret } from "@/lib/features/calendar/feed-secret";

export type CalendarFeedState = { prefix: string; createdAt: Date } | null;

export async function getCalendarFeedState(options: { caller: { userId: string } }): Promise<CalendarFeedState> {
  const { userId } = options.caller;
  return runAsUser(userId, () => db().calendarFeed.findUnique({ where: { userId }, select: { prefix: true, createdAt: true } }));
}

/** A new secret for the caller's feed; an earlier one stops working. */
export async function createCalendarFeed(options: { caller: { userId: string } }): Promise<{ secret: string; prefix: string }> {
  const { userId } = options.caller;
  const generated = generateFeedSecret();
  return runAsUser(userId, () =>
    db().$transaction(async (tx) => {
      const earlier = await tx.calendarFeed.findUnique({ where: { userId }, select: { id: true } });
      const row = await tx.calendarFeed.upsert({
        where: { userId },
        create: { userId, tokenHash: generated.tokenHash, prefix: generated.prefix },
        update: { tokenHash: generated.tokenHash, prefix: generated.prefix, createdAt: new Date() },
      });
      await writeAuditLog(tx, {
        businessId: null,
        actorId: userId,
        action: "security.calendarFeedCreate",
        entityType: "CalendarFeed",
        entityId: row.id,
        after: { prefix: generated.prefix, replaced: earlier !== null },
      });
      return { secret: generated.secret, prefix: generated.prefix };
    }),
  );
}

/** Revokes the caller's feed: its URL answers 404 from the next request on. None: NOT_FOUND. */
export async function revokeCalendarFeed(options: { caller: { userId: string } }): Promise<void> {
  const { userId } = options.caller;
  await runAsUser(userId, () =>
    db().$transaction(async (tx) => {
      const row = await tx.calendarFeed.findUnique({ where: { userId }, select: { id: true } });
      if (!row) throw new AppError("NOT_FOUND", "No calendar feed");
      await tx.calendarFeed.delete({ where: { id: row.id } });
      await writeAuditLog(tx, {
        businessId: null,
        actorId: userId,
        action: "security.calendarFeedRevoke",
        entityType: "CalendarFeed",
        entityId: row.id,
      });
    }),
  );
}

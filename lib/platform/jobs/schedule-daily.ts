// The daily schedule: an evaluation of every business once per Amsterdam day (deadline
// reminders depend on the date, not on invoices), and the digests of users who chose one.
// Both are keyed by day in OutboxJob.dedupeKey, so two workers or a re-run add nothing.
import { db } from "@/lib/platform/db/client";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import type { NotificationKind } from "@/lib/features/alerts/notification-kinds";
import type { AlertDetails } from "@/lib/features/alerts/select-alerts";
import { renderDigestMail, type MailAlert } from "@/lib/platform/mail/render-alert-mail";
import { unsubscribeUrl } from "@/lib/platform/mail/unsubscribe-url";

/** Queues today's evaluation of every business; returns how many were new. */
export async function enqueueDailyEvaluations(now: Date): Promise<number> {
  const day = amsterdamToday(now);
  // One statement for all businesses; the key (dailyEvaluationKey) keeps it to one per business and day.
  return db().$executeRawUnsafe(
    `INSERT INTO "OutboxJob" ("id", "kind", "dedupeKey", "businessId", "nextAttemptAt")
     SELECT gen_random_uuid(), 'EVALUATE', 'daily:' || b."id" || ':' || $1, b."id", $2::timestamptz FROM "Business" b
     ON CONFLICT ("dedupeKey") DO NOTHING`,
    day,
    now.toISOString(),
  );
}
export const digestKey = (userId: string, day: string) => `digest:${userId}:${day}`;

/** Queues one digest mail per user with notifications waiting for it; returns how many. */
export async function enqueueDigests(options: { now: Date; appUrl: string }): Promise<number> {
  const { now, appUrl } = options;
  const day = amsterdamToday(now);
  const waiting = await db().notification.groupBy({ by: ["userId"], where: { digestPending: true, digestJobId: null } });
  let queued = 0;
  for (const { userId } of waiting) {
    queued += await db().$transaction(async (tx) => {
      const [job] = await tx.outboxJob.createManyAndReturn({
        data: [{ kind: "DIGEST_EMAIL", dedupeKey: digestKey(userId, day), userId, nextAttemptAt: now }],
        skipDuplicates: true,
      });
      if (!job) return 0;
      const user = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { email: true, name: true, locale: true, notificationSetting: true },
      });
      const muted = user.notificationSetting?.mutedKinds ?? [];
      const items = await tx.notification.findMany({
        where: {
          userId,
          digestPending: true,
          digestJobId: null,
          business: { memberships: { some: { userId } } },
          alert: { code: { notIn: muted } },
        },
        include: { alert: true, business: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      });
      await tx.notification.updateMany({
        where: { userId, id: { in: items.map((item) => item.id) } },
        data: { digestPending: false, digestJobId: job.id },
      });
      // Left over: notifications of businesses the user has left since, or of kinds switched off.
      await tx.notification.updateMany({ where: { userId, digestPending: true, digestJobId: null }, data: { digestPending: false } });
      if (items.length === 0) {
        await tx.outboxJob.delete({ where: { id: job.id } });
        return 0;
      }
      const alerts: MailAlert[] = items.map((item) => ({
        code: item.alert.code as NotificationKind,
        businessId: item.businessId,
        businessName: item.business.name,
        details: item.alert.details as AlertDetails,
        messages: item.alert.messages as MailAlert["messages"],
      }));
      const mail = renderDigestMail({
        alerts,
        recipientName: user.name,
        locale: user.locale,
        appUrl,
        unsubscribeUrlOf: (kind) => unsubscribeUrl(appUrl, { userId, kind }),
      });
      await tx.outboxJob.update({
        where: { id: job.id },
        data: { toAddress: user.email, subject: mail.subject, textBody: mail.text, htmlBody: mail.html },
      });
      return 1;
    });
  }
  return queued;
}

/** Finished evaluations are only bookkeeping; keep a week of them. */
export async function pruneFinishedEvaluations(now: Date): Promise<number> {
  const { count } = await db().outboxJob.deleteMany({
    where: { kind: "EVALUATE", status: "SENT", sentAt: { lt: new Date(now.getTime() - 7 * 24 * 3_600_000) } },
  });
  return count;
}

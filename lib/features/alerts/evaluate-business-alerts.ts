// The queue's "evaluate" job: one engine evaluation of a business, then every alert not
// seen before is stored (BusinessAlert's unique key: at most once per business, code,
// year and threshold or deadline), shown to each member in the notification centre, and
// queued as a mail to each member who has not switched that kind off — or held for the
// daily digest. Runs in the caller's transaction: alerts, notifications and mails commit
// together or not at all. The same evaluation also refreshes the business's line of the
// accountant overview for this year (BusinessYearSummary).
import type { Tx } from "@/lib/platform/db/client";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { readBooksInTransaction } from "@/lib/features/books/read-books";
import { listDeadlinesDone } from "@/lib/features/deadlines/deadline-done";
import { thresholdsVersionSql } from "@/lib/features/eu-kor/thresholds-version";
import { toIsoDate, fromIsoDate } from "@/lib/platform/validation";
import { referencedInvoiceIds, selectAlerts, withInvoiceNumbers, type AlertDetails } from "@/lib/features/alerts/select-alerts";
import type { NotificationKind } from "@/lib/features/alerts/notification-kinds";
import { lastTransactionDate, summaryData, upsertYearSummaries } from "@/lib/features/accountant/year-summary";
import { renderAlertMail, type MailAlert } from "@/lib/platform/mail/render-alert-mail";
import { unsubscribeUrl } from "@/lib/platform/mail/unsubscribe-url";

export const mailKey = (alertId: string, userId: string) => `mail:${alertId}:${userId}`;

export type EvaluationResult = { newAlerts: number; notifications: number; mails: number };

export async function evaluateBusinessAlerts(options: {
  tx: Tx;
  businessId: string;
  now: Date;
  appUrl: string;
}): Promise<EvaluationResult> {
  const { tx, businessId, now, appUrl } = options;
  const none = { newAlerts: 0, notifications: 0, mails: 0 };
  const asOf = amsterdamToday(now);
  // The books version comes from the same statement as the invoices (one snapshot), so the
  // summary is marked with exactly the version it was computed from; the thresholds
  // version is read before the thresholds, so never newer than them.
  const [{ thresholdsVersion }] = await tx.$queryRaw<
    [{ thresholdsVersion: string }]
  >`SELECT ${thresholdsVersionSql} AS "thresholdsVersion"`;
  const [books, done] = await Promise.all([
    readBooksInTransaction({ tx, businessId, asOf }),
    listDeadlinesDone({ businessId, client: tx }),
  ]);
  if (!books) return none;
  const { input, output } = books;
  await upsertYearSummaries(tx, [
    {
      businessId,
      year: Number(asOf.slice(0, 4)),
      asOf,
      booksVersion: books.booksVersion,
      thresholdsVersion,
      data: summaryData({
        output,
        euKorEnabled: input.business.euKor !== undefined,
        lastInvoiceDate: lastTransactionDate(input.transactions),
        done,
      }),
    },
  ]);
  let candidates = selectAlerts(output, asOf, done);
  if (candidates.length === 0) return none;

  const ids = referencedInvoiceIds(candidates);
  const invoices = ids.length
    ? await tx.invoice.findMany({ where: { businessId, id: { in: ids } }, select: { id: true, number: true, date: true } })
    : [];
  const byId = new Map(invoices.map((invoice) => [invoice.id, { number: invoice.number, date: toIsoDate(invoice.date) }]));
  candidates = candidates.map((candidate) => withInvoiceNumbers(candidate, byId));

  // ON CONFLICT DO NOTHING RETURNING: only alerts this evaluation inserted come back, so
  // of two racing evaluations exactly one delivers each alert.
  const created = await tx.businessAlert.createManyAndReturn({
    data: candidates.map((c) => ({
      businessId,
      key: c.key,
      code: c.code,
      level: c.level,
      year: c.year,
      threshold: c.threshold,
      date: fromIsoDate(c.date),
      rule: c.rule,
      details: c.details as Prisma.InputJsonValue,
      messages: c.messages as Prisma.InputJsonValue,
    })),
    skipDuplicates: true,
  });
  if (created.length === 0) return none;

  // Owners, members and accountants of the business alike.
  const business = await tx.business.findUniqueOrThrow({ where: { id: businessId }, select: { name: true } });
  const members = await tx.membership.findMany({
    where: { businessId },
    select: { user: { select: { id: true, email: true, name: true, locale: true, notificationSetting: true } } },
  });
  const notifications: Prisma.NotificationCreateManyInput[] = [];
  const mails: Prisma.OutboxJobCreateManyInput[] = [];
  for (const alert of created) {
    const mailAlert: MailAlert = {
      code: alert.code as NotificationKind,
      businessId,
      businessName: business.name,
      details: alert.details as AlertDetails,
      messages: alert.messages as MailAlert["messages"],
    };
    for (const { user } of members) {
      const wantsMail = !(user.notificationSetting?.mutedKinds ?? []).includes(alert.code);
      const digest = wantsMail && user.notificationSetting?.dailyDigest === true;
      notifications.push({ userId: user.id, businessId, alertId: alert.id, digestPending: digest });
      if (!wantsMail || digest) continue;
      const unsubscribe = unsubscribeUrl(appUrl, { userId: user.id, kind: mailAlert.code });
      const mail = renderAlertMail({
        alert: mailAlert,
        recipientName: user.name,
        locale: user.locale,
        appUrl,
        unsubscribeUrl: unsubscribe,
      });
      mails.push({
        kind: "ALERT_EMAIL",
        dedupeKey: mailKey(alert.id, user.id),
        businessId,
        userId: user.id,
        alertId: alert.id,
        toAddress: user.email,
        subject: mail.subject,
        textBody: mail.text,
        htmlBody: mail.html,
        unsubscribeUrl: unsubscribe,
        nextAttemptAt: now,
      });
    }
  }
  if (notifications.length) await tx.notification.createMany({ data: notifications, skipDuplicates: true });
  if (mails.length) await tx.outboxJob.createMany({ data: mails, skipDuplicates: true });
  return { newAlerts: created.length, notifications: notifications.length, mails: mails.length };
}

// The mails Drempel sent (or, without SMTP, kept) for the signed-in user: the outbox page.
// Like the notification centre, only of businesses the user still belongs to: a revoked
// accountant's copies of a former client's alerts are not shown any more.
import { db } from "@/lib/platform/db/client";
import type { Caller } from "@/lib/features/businesses/access";
import type { SentMailDto } from "@/lib/features/notifications/notification.types";

export async function listSentMails(options: { caller: Caller; take?: number }): Promise<SentMailDto[]> {
  const rows = await db().outboxJob.findMany({
    where: {
      userId: options.caller.userId,
      kind: { in: ["ALERT_EMAIL", "DIGEST_EMAIL"] },
      subject: { not: null },
      OR: [{ businessId: null }, { business: { memberships: { some: { userId: options.caller.userId } } } }],
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: options.take ?? 50,
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as SentMailDto["kind"],
    status: row.status,
    transport: row.transport,
    toAddress: row.toAddress ?? "",
    subject: row.subject ?? "",
    textBody: row.textBody ?? "",
    htmlBody: row.htmlBody ?? "",
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
}

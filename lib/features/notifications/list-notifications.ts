// The signed-in user's notifications, newest first, of businesses they still belong to.
import { db } from "@/lib/platform/db/client";
import type { Caller } from "@/lib/features/businesses/access";
import type { NotificationKind } from "@/lib/features/alerts/notification-kinds";
import type { AlertDetails } from "@/lib/features/alerts/select-alerts";
import type { AlertLevel, Bilingual } from "@/lib/kor";
import { toIsoDate } from "@/lib/platform/validation";
import type { NotificationDto } from "@/lib/features/notifications/notification.types";

const stillMember = (userId: string) => ({ business: { memberships: { some: { userId } } } });

export async function listNotifications(options: { caller: Caller; take?: number }): Promise<NotificationDto[]> {
  const { userId } = options.caller;
  const rows = await db().notification.findMany({
    where: { userId, ...stillMember(userId) },
    include: { alert: true, business: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: options.take ?? 100,
  });
  return rows.map((row) => ({
    id: row.id,
    businessId: row.businessId,
    businessName: row.business.name,
    code: row.alert.code as NotificationKind,
    level: row.alert.level as AlertLevel,
    date: toIsoDate(row.alert.date),
    details: row.alert.details as AlertDetails,
    messages: row.alert.messages as Bilingual,
    read: row.readAt !== null,
    createdAt: row.createdAt.toISOString(),
  }));
}

export async function countUnreadNotifications(options: { caller: Caller }): Promise<number> {
  const { userId } = options.caller;
  return db().notification.count({ where: { userId, readAt: null, ...stillMember(userId) } });
}

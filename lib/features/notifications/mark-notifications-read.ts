// Marks one of the user's notifications (or all of them) as read. Someone else's
// notification is simply not found.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import type { Caller } from "@/lib/features/businesses/access";
import { AppError } from "@/lib/platform/errors";

export async function markNotificationRead(options: { caller: Caller; notificationId: string; now?: Date }): Promise<void> {
  const { caller, notificationId } = options;
  if (!z.uuid().safeParse(notificationId).success) throw new AppError("NOT_FOUND", "Notification not found");
  const found = await db().notification.findFirst({ where: { id: notificationId, userId: caller.userId }, select: { readAt: true } });
  if (!found) throw new AppError("NOT_FOUND", "Notification not found");
  if (found.readAt) return;
  await db().notification.updateMany({
    where: { id: notificationId, userId: caller.userId, readAt: null },
    data: { readAt: options.now ?? new Date() },
  });
}

export async function markAllNotificationsRead(options: { caller: Caller; now?: Date }): Promise<number> {
  const { count } = await db().notification.updateMany({
    where: { userId: options.caller.userId, readAt: null },
    data: { readAt: options.now ?? new Date() },
  });
  return count;
}

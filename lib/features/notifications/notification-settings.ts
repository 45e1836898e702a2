// A user's mail choices: daily digest or separate mails, and the kinds switched off.
import { db } from "@/lib/platform/db/client";
import type { Caller } from "@/lib/features/businesses/access";
import { isNotificationKind } from "@/lib/features/alerts/notification-kinds";
import { parseOrThrow } from "@/lib/platform/validation";
import { notificationSettingsSchema, type NotificationSettingsDto } from "@/lib/features/notifications/notification.types";

export async function getNotificationSettings(options: { caller: Caller }): Promise<NotificationSettingsDto> {
  const row = await db().notificationSetting.findUnique({ where: { userId: options.caller.userId } });
  return { dailyDigest: row?.dailyDigest ?? false, mutedKinds: (row?.mutedKinds ?? []).filter(isNotificationKind) };
}

export async function updateNotificationSettings(options: { caller: Caller; input: unknown }): Promise<NotificationSettingsDto> {
  const input = parseOrThrow(notificationSettingsSchema, options.input);
  const mutedKinds = [...new Set(input.mutedKinds)].sort();
  const row = await db().notificationSetting.upsert({
    where: { userId: options.caller.userId },
    create: { userId: options.caller.userId, dailyDigest: input.dailyDigest, mutedKinds },
    update: { dailyDigest: input.dailyDigest, mutedKinds },
  });
  return { dailyDigest: row.dailyDigest, mutedKinds: row.mutedKinds.filter(isNotificationKind) };
}

"use server";
// Server actions of the notification centre: resolve the signed-in user, call lib.
import { revalidatePath } from "next/cache";
import { requireCaller } from "@/lib/auth/current-user";
import { NOTIFICATION_KINDS } from "@/lib/alerts/notification-kinds";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mark-notifications-read";
import { updateNotificationSettings } from "@/lib/notifications/notification-settings";


export async function markNotificationReadAction(formData: FormData): Promise<void> {
  await markNotificationRead({ caller: await requireCaller(), notificationId: String(formData.get("notificationId") ?? "") });
  revalidatePath("/", "layout");
}

export async function markAllNotificationsReadAction(): Promise<void> {
  await markAllNotificationsRead({ caller: await requireCaller() });
  revalidatePath("/", "layout");
}

/** The form lists the kinds to mail; everything unticked is muted. */
export async function saveNotificationSettingsAction(formData: FormData): Promise<void> {
  const wanted = new Set(formData.getAll("emailKinds").map(String));
  await updateNotificationSettings({
    caller: await requireCaller(),
    input: { dailyDigest: formData.get("dailyDigest") === "on", mutedKinds: NOTIFICATION_KINDS.filter((kind) => !wanted.has(kind)) },
  });
  revalidatePath("/notifications");
}

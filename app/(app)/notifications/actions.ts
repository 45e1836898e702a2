"use server";
// Server actions of the notification centre: resolve the signed-in user, call lib.
import { revalidatePath } from "next/cache";
import { runFormAction } from "@/lib/actions/action-result";
import { requireCaller } from "@/lib/auth/current-user";
import { NOTIFICATION_KINDS } from "@/lib/alerts/notification-kinds";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mark-notifications-read";
import { updateNotificationSettings } from "@/lib/notifications/notification-settings";

// Form actions: an AppError (another user's notification: NOT_FOUND) is a 404/403 page, not a 500.
export async function markNotificationReadAction(formData: FormData): Promise<void> {
  await runFormAction(async () =>
    markNotificationRead({ caller: await requireCaller(), notificationId: String(formData.get("notificationId") ?? "") }),
  );
  revalidatePath("/", "layout");
}

export async function markAllNotificationsReadAction(): Promise<void> {
  await runFormAction(async () => markAllNotificationsRead({ caller: await requireCaller() }));
  revalidatePath("/", "layout");
}

/** The form lists the kinds to mail; everything unticked is muted. */
export async function saveNotificationSettingsAction(formData: FormData): Promise<void> {
  const wanted = new Set(formData.getAll("emailKinds").map(String));
  await runFormAction(async () =>
    updateNotificationSettings({
      caller: await requireCaller(),
      input: { dailyDigest: formData.get("dailyDigest") === "on", mutedKinds: NOTIFICATION_KINDS.filter((kind) => !wanted.has(kind)) },
    }),
  );
  revalidatePath("/notifications");
}

"use server";
// Server actions of the notification centre (resolve the signed-in user, call lib) and
// the public unsubscribe confirmation (the signed token is the only credential).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/platform/action-result";
import { requireCaller } from "@/lib/platform/auth/current-user";
import { NOTIFICATION_KINDS } from "@/lib/features/alerts/notification-kinds";
import { isAppError } from "@/lib/platform/errors";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/features/notifications/mark-notifications-read";
import { updateNotificationSettings } from "@/lib/features/notifications/notification-settings";
import { unsubscribe } from "@/lib/features/notifications/unsubscribe";

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

export async function unsubscribeAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "");
  try {
    await unsubscribe({ token });
  } catch (error) {
    if (isAppError(error)) redirect("/unsubscribe?invalid=1");
    throw error;
  }
  redirect(`/unsubscribe?done=1&token=${encodeURIComponent(token)}`);
}

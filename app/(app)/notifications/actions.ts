"use server";
// Server actions of the notification centre: resolve the signed-in user, call lib.
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { NOTIFICATION_KINDS } from "@/lib/alerts/notification-kinds";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mark-notifications-read";
import { updateNotificationSettings } from "@/lib/notifications/notification-settings";

async function caller() {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Not signed in");
  return { userId: user.id };
}

export async function markNotificationReadAction(formData: FormData): Promise<void> {
  await markNotificationRead({ caller: await caller(), notificationId: String(formData.get("notificationId") ?? "") });
  revalidatePath("/", "layout");
}

export async function markAllNotificationsReadAction(): Promise<void> {
  await markAllNotificationsRead({ caller: await caller() });
  revalidatePath("/", "layout");
}

/** The form lists the kinds to mail; everything unticked is muted. */
export async function saveNotificationSettingsAction(formData: FormData): Promise<void> {
  const wanted = new Set(formData.getAll("emailKinds").map(String));
  await updateNotificationSettings({
    caller: await caller(),
    input: { dailyDigest: formData.get("dailyDigest") === "on", mutedKinds: NOTIFICATION_KINDS.filter((kind) => !wanted.has(kind)) },
  });
  revalidatePath("/notifications");
}

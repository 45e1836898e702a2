"use server";
// The public unsubscribe confirmation: the signed token is the only credential.
import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { unsubscribe } from "@/lib/notifications/unsubscribe";

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

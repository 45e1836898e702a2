"use server";
// The language switch: a cookie for this browser, and the user's profile for emails.
import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";
import { setLocale } from "@/lib/users/set-locale";

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
  const user = await getCurrentUser();
  if (user) await setLocale({ userId: user.id, locale });
}

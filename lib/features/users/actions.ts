"use server";
// Server actions of a user's own account outside the settings page: registering, asking
// for the verification mail again, and the language switch (a cookie for this browser,
// and the user's profile for emails). Resolve the request's user, call lib.
import { cookies, headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { runAction, type ActionResult } from "@/lib/platform/action-result";
import { getCurrentUser, requireCaller } from "@/lib/platform/auth/current-user";
import { clientIp } from "@/lib/platform/auth/options";
import { LOCALE_COOKIE, toLocale } from "@/lib/platform/i18n/config";
import { resendVerificationMail } from "@/lib/features/users/email-verification/resend-verification-mail";
import { registerUser } from "@/lib/features/users/register-user";
import { setLocale } from "@/lib/features/users/set-locale";

export async function registerAction(input: { name: string; email: string; password: string }): Promise<ActionResult<{ email: string }>> {
  const ip = clientIp(await headers());
  const locale = await getLocale();
  return runAction(async () => {
    const user = await registerUser({ input: { ...input, locale }, ip });
    return { email: user.email };
  });
}

export async function resendVerificationAction(): Promise<ActionResult<null>> {
  return runAction(async () => {
    await resendVerificationMail({ caller: await requireCaller() });
    return null;
  });
}

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
  const user = await getCurrentUser();
  if (user) await setLocale({ userId: user.id, locale });
}

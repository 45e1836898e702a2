// next-intl without locale routing: the locale comes from the cookie.
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale } from "@/lib/platform/i18n/config";

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const messages = (locale === "en" ? await import("./messages/en/index") : await import("./messages/nl/index")).default;
  return { locale, messages, timeZone: "Europe/Amsterdam" };
});

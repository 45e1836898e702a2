// Remembers the user's language, for the UI and later for emails.
import { db } from "@/lib/platform/db/client";
import { localeSchema, type Locale } from "@/lib/features/users/user.types";
import { parseOrThrow } from "@/lib/platform/validation";

export async function setLocale(options: { userId: string; locale: unknown }): Promise<Locale> {
  const locale = parseOrThrow(localeSchema, options.locale);
  await db().user.update({ where: { id: options.userId }, data: { locale } });
  return locale;
}

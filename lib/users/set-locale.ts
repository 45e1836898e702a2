// Remembers the user's language, for the UI and later for emails.
import { db } from "@/lib/db/client";
import { localeSchema, type Locale } from "@/lib/users/user.types";
import { parseOrThrow } from "@/lib/validation";

export async function setLocale(options: { userId: string; locale: unknown }): Promise<Locale> {
  const locale = parseOrThrow(localeSchema, options.locale);
  await db().user.update({ where: { id: options.userId }, data: { locale } });
  return locale;
}

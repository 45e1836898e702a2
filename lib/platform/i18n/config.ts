// Languages of the UI: Dutch by default, English available. The choice lives in a cookie
// (and on the user, for emails).
export const LOCALES = ["nl", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "nl";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function toLocale(value: string | undefined | null): AppLocale {
  return value === "en" ? "en" : DEFAULT_LOCALE;
}

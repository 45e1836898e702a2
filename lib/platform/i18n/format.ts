// How the UI shows money, dates, months and shares: Intl in the UI's language, one module
// for server components, client components and charts alike (STYLE.md "Money").
import { dateTimeFormat, numberFormat } from "@/lib/platform/i18n/intl-format";
import { fromIsoDate } from "@/lib/platform/validation";

export type UiLanguage = "nl" | "en";

export const toLanguage = (locale: string): UiLanguage => (locale === "en" ? "en" : "nl");

const intlLocale = (language: UiLanguage) => (language === "en" ? "en-GB" : "nl-NL");

export function formatCents(cents: number, language: UiLanguage): string {
  return numberFormat(intlLocale(language), { style: "currency", currency: "EUR" }).format(cents / 100);
}

/** Axis ticks: "€ 20.000" without cents. */
export function formatEuroWhole(cents: number, language: UiLanguage): string {
  return numberFormat(intlLocale(language), {
    style: "currency",
    currency: "EUR",
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(Math.round(cents / 100));
}

export function formatDate(isoDate: string, language: UiLanguage, style: "medium" | "long" = "medium"): string {
  return dateTimeFormat(intlLocale(language), { dateStyle: style, timeZone: "UTC" }).format(fromIsoDate(isoDate));
}

export function formatDateTime(iso: string, language: UiLanguage): string {
  return dateTimeFormat(intlLocale(language), { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(
    new Date(iso),
  );
}

export function monthName(month: number, language: UiLanguage, style: "short" | "long" = "long"): string {
  return dateTimeFormat(intlLocale(language), { month: style, timeZone: "UTC" }).format(new Date(Date.UTC(2001, month - 1, 1)));
}

/** The same text as the mails give the same share (lib/kor/money.ts). */
export { formatPercent } from "@/lib/kor";

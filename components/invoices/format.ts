// How invoices show money and dates: Intl, in the UI's language (STYLE.md "Money").
import { dateTimeFormat, numberFormat } from "@/lib/i18n/intl-format";
import { fromIsoDate } from "@/lib/validation";

export type UiLanguage = "nl" | "en";

export const toLanguage = (locale: string): UiLanguage => (locale === "en" ? "en" : "nl");

export function formatCents(cents: number, language: UiLanguage): string {
  return numberFormat(language === "en" ? "en-GB" : "nl-NL", { style: "currency", currency: "EUR" }).format(cents / 100);
}

export function formatDate(isoDate: string, language: UiLanguage, style: "medium" | "long" = "medium"): string {
  return dateTimeFormat(language === "en" ? "en-GB" : "nl-NL", { dateStyle: style, timeZone: "UTC" }).format(fromIsoDate(isoDate));
}

export function formatDateTime(iso: string, language: UiLanguage): string {
  return dateTimeFormat(language === "en" ? "en-GB" : "nl-NL", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(new Date(iso));
}

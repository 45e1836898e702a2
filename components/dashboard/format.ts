// Money, dates and months as the dashboard shows them, in the UI's language.
import { formatCents, formatDate, type UiLanguage } from "@/components/invoices/format";
import { dateTimeFormat, numberFormat } from "@/lib/i18n/intl-format";

export { formatCents, formatDate };
export type { UiLanguage };

const intlLocale = (language: UiLanguage) => (language === "en" ? "en-GB" : "nl-NL");

/** Axis ticks: "€ 20.000" without cents. */
export function formatEuroWhole(cents: number, language: UiLanguage): string {
  return numberFormat(intlLocale(language), { style: "currency", currency: "EUR", maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(Math.round(cents / 100));
}

export function monthName(month: number, language: UiLanguage, style: "short" | "long" = "long"): string {
  return dateTimeFormat(intlLocale(language), { month: style, timeZone: "UTC" }).format(new Date(Date.UTC(2001, month - 1, 1)));
}

/** The same text as the mails give the same share (lib/kor/money.ts). */
export { formatPercent } from "@/lib/kor/money";

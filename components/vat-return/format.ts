// Whole euros as the VAT return takes them ("€ 1.250"), in the UI's language.
import { numberFormat } from "@/lib/platform/i18n/intl-format";
import type { UiLanguage } from "@/lib/platform/i18n/format";

export function formatEuros(euros: number, language: UiLanguage): string {
  return numberFormat(language === "en" ? "en-GB" : "nl-NL", {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(euros);
}

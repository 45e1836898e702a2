// One value in an invoice's history, shown as the app shows it elsewhere.
import { getTranslations } from "next-intl/server";
import { formatCents, formatDate, type UiLanguage } from "@/lib/platform/i18n/format";
import { CATEGORIES, isCategory } from "@/lib/kor";

const KNOWN_FIELDS = new Set([
  "number",
  "kind",
  "date",
  "customer.name",
  "customer.country",
  "customer.type",
  "customer.vatId",
  "category",
  "netCents",
  "vatCents",
  "country",
  "ancillary",
  "sequence",
  "description",
  "currency",
  "foreignCents",
  "exchangeRate",
  "creditsInvoiceId",
]);

export const fieldLabelKey = (field: string) => (KNOWN_FIELDS.has(field) ? `fields.${field}` : "fields.other");

export async function HistoryValue({ field, value, language }: { field: string; value: unknown; language: UiLanguage }) {
  const t = await getTranslations("invoices");
  if (value === null || value === undefined || value === "") return <span className="text-slate-500">{t("none")}</span>;
  if ((field === "netCents" || field === "vatCents") && typeof value === "number")
    return <span className="tabular-nums">{formatCents(value, language)}</span>;
  if (field === "foreignCents" && typeof value === "number") return <span className="tabular-nums">{(value / 100).toFixed(2)}</span>;
  if (field === "category" && isCategory(value)) return <span>{CATEGORIES[value].label[language]}</span>;
  if (field === "kind" && typeof value === "string") return <span>{t.has(`kind.${value}`) ? t(`kind.${value}`) : value}</span>;
  if (field === "customer.type" && typeof value === "string")
    return <span>{t.has(`customerType.${value}`) ? t(`customerType.${value}`) : value}</span>;
  if (field === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return <span>{formatDate(value, language)}</span>;
  if (typeof value === "boolean") return <span>{value ? t("yes") : t("no")}</span>;
  return <span>{String(value)}</span>;
}

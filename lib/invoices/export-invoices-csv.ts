// CSV of a business's invoice list with the list's own filters (not paged): one row per
// invoice, amounts as euros with a dot decimal and as integer cents, ISO dates, and
// whether each row counts for the KOR under which rule.
import { writeCsv } from "@/lib/http/csv";
import { requireBusinessAccess, type Caller } from "@/lib/businesses/access";
import { CATEGORIES } from "@/lib/kor/categories";
import { parseOrThrow } from "@/lib/validation";
import { listInvoicesQuerySchema } from "@/lib/invoices/invoice.types";
import { queryInvoices } from "@/lib/invoices/invoice-query";
import { withClassification } from "@/lib/invoices/list-invoices";

export const CSV_COLUMNS = [
  "number",
  "kind",
  "date",
  "customer_name",
  "customer_country",
  "customer_type",
  "customer_vat_id",
  "description",
  "category",
  "category_label",
  "net_eur",
  "vat_eur",
  "gross_eur",
  "net_cents",
  "vat_cents",
  "gross_cents",
  "currency",
  "foreign_amount",
  "exchange_rate",
  "country",
  "ancillary",
  "counts_for_kor",
  "kor_rule",
  "kor_interpretation",
  "kor_reason",
  "deleted_at",
] as const;

/** 123456 → "1234.56", -5 → "-0.05": exact, no floating point. */
export function centsToDecimal(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export async function exportInvoicesCsv(options: { caller: Caller; businessId: string; query: unknown; language?: "nl" | "en" }): Promise<string> {
  const { caller, businessId } = options;
  const language = options.language ?? "nl";
  const query = parseOrThrow(listInvoicesQuerySchema, options.query ?? {});
  await requireBusinessAccess({ caller, businessId, need: "read" });
  const rows = await queryInvoices(businessId, query);
  const data = rows.map((row) => {
    const invoice = withClassification(row);
    const gross = invoice.netCents + invoice.vatCents;
    return [
      invoice.number,
      invoice.kind,
      invoice.date,
      invoice.customer.name,
      invoice.customer.country ?? "",
      invoice.customer.type ?? "",
      invoice.customer.vatId,
      invoice.description,
      invoice.category,
      CATEGORIES[invoice.category].label[language],
      centsToDecimal(invoice.netCents),
      centsToDecimal(invoice.vatCents),
      centsToDecimal(gross),
      String(invoice.netCents),
      String(invoice.vatCents),
      String(gross),
      invoice.currency,
      invoice.foreignCents === null ? "" : centsToDecimal(invoice.foreignCents),
      invoice.exchangeRate === null ? "" : String(invoice.exchangeRate),
      invoice.country ?? "",
      invoice.ancillary ? "yes" : "no",
      invoice.kor.countsForKor ? "yes" : "no",
      invoice.kor.rule,
      invoice.kor.interpretation ? "yes" : "no",
      invoice.kor.reason[language],
      invoice.deletedAt ?? "",
    ];
  });
  return writeCsv(CSV_COLUMNS, data);
}

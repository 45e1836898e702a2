// CSV of a business's invoice list with the list's own filters (not paged): one row per
// invoice, amounts as euros with a dot decimal and as integer cents, ISO dates, and
// whether each row counts for the KOR under which rule. Its header is what the import
// recognises as Drempel's own file (lib/features/invoices/import/own-format.ts): every column read
// back exactly. The Dutch Excel dialect writes semicolons and decimal commas.
import { db } from "@/lib/platform/db/client";
import { writeCsv, type CsvDialect } from "@/lib/platform/http/csv";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { CATEGORIES } from "@/lib/kor";
import { parseOrThrow } from "@/lib/platform/validation";
import { listInvoicesQuerySchema } from "@/lib/features/invoices/invoice.types";
import { queryInvoices } from "@/lib/features/invoices/invoice-query";
import { withClassification } from "@/lib/features/invoices/list-invoices";

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
  "sequence",
  "credits_invoice_number",
] as const;

/** 123456 → "1234.56", -5 → "-0.05": exact, no floating point. */
export function centsToDecimal(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export async function exportInvoicesCsv(options: {
  caller: Caller;
  businessId: string;
  query: unknown;
  language?: "nl" | "en";
  dialect?: CsvDialect;
}): Promise<string> {
  const { caller, businessId } = options;
  const language = options.language ?? "nl";
  const dialect = options.dialect ?? "standard";
  const decimal = dialect === "excel-nl" ? (cents: number) => centsToDecimal(cents).replace(".", ",") : centsToDecimal;
  // Never exponent notation (1e-8): the stored rate has at most 8 decimals.
  const rate = (value: number) => {
    const text = value.toFixed(8).replace(/\.?0+$/, "");
    return dialect === "excel-nl" ? text.replace(".", ",") : text;
  };
  const query = parseOrThrow(listInvoicesQuerySchema, options.query ?? {});
  await requireBusinessAccess({ caller, businessId, need: "read" });
  const rows = await queryInvoices(businessId, query);
  // A credit note names the invoice it credits by number: ids mean nothing in another business.
  const creditedIds = [...new Set(rows.map((row) => row.creditsInvoiceId).filter((id): id is string => id !== null))];
  const credited = creditedIds.length
    ? new Map(
        (await db().invoice.findMany({ where: { businessId, id: { in: creditedIds } }, select: { id: true, number: true } })).map((row) => [
          row.id,
          row.number,
        ]),
      )
    : new Map<string, string>();
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
      decimal(invoice.netCents),
      decimal(invoice.vatCents),
      decimal(gross),
      String(invoice.netCents),
      String(invoice.vatCents),
      String(gross),
      invoice.currency,
      invoice.foreignCents === null ? "" : decimal(invoice.foreignCents),
      invoice.exchangeRate === null ? "" : rate(invoice.exchangeRate),
      invoice.country ?? "",
      invoice.ancillary ? "yes" : "no",
      invoice.kor.countsForKor ? "yes" : "no",
      invoice.kor.rule,
      invoice.kor.interpretation ? "yes" : "no",
      invoice.kor.reason[language],
      invoice.deletedAt ?? "",
      invoice.sequence === null ? "" : String(invoice.sequence),
      invoice.creditsInvoiceId === null ? "" : (credited.get(invoice.creditsInvoiceId) ?? ""),
    ];
  });
  return writeCsv(CSV_COLUMNS, data, dialect);
}

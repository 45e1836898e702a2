// Drempel's own invoice export, recognised by its header: each column mapped to exactly
// the field it was written from, so an export imported into an empty business gives the
// same invoices (amounts from the *_cents columns, never the euro ones).
import type { CSV_COLUMNS } from "@/lib/features/invoices/export-invoices-csv";
import type { ImportField, ImportMapping } from "@/lib/features/invoices/import/import.types";

const OWN_COLUMNS: Partial<Record<ImportField, (typeof CSV_COLUMNS)[number]>> = {
  number: "number",
  kind: "kind",
  date: "date",
  customerName: "customer_name",
  customerCountry: "customer_country",
  customerType: "customer_type",
  customerVatId: "customer_vat_id",
  description: "description",
  category: "category",
  netCents: "net_cents",
  vatCents: "vat_cents",
  currency: "currency",
  foreignAmount: "foreign_amount",
  exchangeRate: "exchange_rate",
  country: "country",
  ancillary: "ancillary",
  sequence: "sequence",
  creditsInvoiceNumber: "credits_invoice_number",
  deletedAt: "deleted_at",
};

// Files exported before `sequence` and `credits_invoice_number` existed are still ours.
const IDENTIFYING = [
  "number",
  "kind",
  "date",
  "customer_name",
  "category",
  "net_cents",
  "vat_cents",
  "currency",
  "kor_rule",
  "counts_for_kor",
];

export function isOwnExport(headers: string[]): boolean {
  return IDENTIFYING.every((column) => headers.includes(column));
}

export function ownExportMapping(headers: string[]): ImportMapping {
  const columns: ImportMapping["columns"] = {};
  for (const [field, column] of Object.entries(OWN_COLUMNS) as [ImportField, string][])
    if (headers.includes(column)) columns[field] = column;
  return { columns, defaultCategory: "NL_STANDARD", ownFormat: true };
}

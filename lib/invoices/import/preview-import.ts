// Turns CSV rows into invoice inputs with per-row problems, and says for each row whether
// it is new, already registered (same invoice number: skipped, so an import can be
// repeated safely) or wrong — and whether it will count for the KOR.
import { CATEGORIES, classifyTransaction } from "@/lib/kor/categories";
import { vatContained } from "@/lib/kor/money";
import { rulesFor } from "@/lib/kor/rules";
import { CATEGORY_CODES, type Category } from "@/lib/kor/types";
import { invoiceInputSchema, type InvoiceInput } from "@/lib/invoices/invoice.types";
import { parseAmountToCents, parseDate } from "@/lib/invoices/import/parse-values";
import { hasInvalidText } from "@/lib/validation";
import type { CsvTable } from "@/lib/invoices/import/read-csv";
import type { ImportField, ImportMapping, ImportPreview, PreviewRow } from "@/lib/invoices/import/import.types";

export type ParsedRow = PreviewRow & { input: InvoiceInput | null };

// Where a problem of the invoice schema shows in the file.
const SCHEMA_PATH_TO_FIELD: Record<string, ImportField> = {
  number: "number",
  date: "date",
  "customer.name": "customerName",
  "customer.country": "customerCountry",
  "customer.type": "customerType",
  "customer.vatId": "customerVatId",
  description: "description",
  category: "category",
  netCents: "netAmount",
  vatCents: "vatAmount",
  currency: "currency",
  country: "country",
  kind: "kind",
};

function categoryFrom(raw: string | undefined, vatRate: string | undefined, fallback: Category): Category | null {
  const value = raw?.trim().toUpperCase().replace(/[\s-]+/g, "_");
  if (value) return (CATEGORY_CODES as readonly string[]).includes(value) ? (value as Category) : null;
  const rate = vatRate?.trim().toLowerCase().replace(/\s|%/g, "");
  if (!rate) return fallback;
  if (rate === "21" || rate === "21,0" || rate === "hoog") return "NL_STANDARD";
  if (rate === "9" || rate === "9,0" || rate === "laag") return "NL_REDUCED";
  if (rate === "0" || rate === "0,0" || rate === "nul") return "NL_ZERO";
  if (rate.includes("verlegd") || rate.includes("reverse")) return "NL_REVERSE_CHARGE";
  return fallback;
}

function customerTypeFrom(raw: string | undefined): string | undefined {
  const value = raw?.trim().toLowerCase();
  if (!value) return undefined;
  if (["business", "zakelijk", "b2b", "bedrijf"].includes(value)) return "business";
  if (["consumer", "particulier", "b2c", "consument"].includes(value)) return "consumer";
  return value;
}

function kindFrom(raw: string | undefined): string | undefined {
  const value = raw?.trim().toLowerCase().replace(/[\s-]+/g, "_");
  if (!value) return undefined;
  if (["credit_note", "creditnota", "credit", "creditfactuur"].includes(value)) return "credit_note";
  if (["invoice", "factuur", "verkoopfactuur"].includes(value)) return "invoice";
  if (["cash_sale", "kassa", "kassaverkoop", "contant"].includes(value)) return "cash_sale";
  if (["advance_payment", "vooruitbetaling", "aanbetaling"].includes(value)) return "advance_payment";
  return value;
}

export function parseRow(cells: Record<ImportField, string | undefined>, line: number, mapping: ImportMapping): ParsedRow {
  const errors: Record<string, string> = {};
  // NUL and other characters no text may hold: the row and column are named, nothing is stored.
  for (const [field, value] of Object.entries(cells)) {
    if (value !== undefined && hasInvalidText(value)) errors[field] = "validation.invalidCharacters";
  }
  const date = cells.date ? parseDate(cells.date) : null;
  if (!date) errors.date ??= cells.date ? "validation.date" : "validation.required";
  const category = categoryFrom(cells.category, cells.vatRate, mapping.defaultCategory);
  if (!category) errors.category = "validation.category";

  const amount = (field: "netAmount" | "vatAmount" | "grossAmount") => {
    const raw = cells[field];
    if (raw === undefined || raw.trim() === "") return undefined;
    const cents = parseAmountToCents(raw);
    if (cents === null) errors[field] = "validation.amount";
    return cents ?? undefined;
  };
  const net = amount("netAmount");
  let vat = amount("vatAmount");
  const gross = amount("grossAmount");
  let netCents = net;
  if (netCents === undefined && gross !== undefined) {
    if (vat === undefined) {
      // Only a gross amount: take the VAT out at the category's rate (§3.3 rounding).
      const rateKind = category ? CATEGORIES[category].vatRate : null;
      const rate = rateKind && date ? rulesFor(Number(date.slice(0, 4))).vatRatesPercent[rateKind] : 0;
      vat = vatContained(gross, rate);
    }
    netCents = gross - vat;
  } else if (vat === undefined && netCents !== undefined && gross !== undefined) {
    vat = gross - netCents;
  }
  if (netCents === undefined && !errors.netAmount && !errors.grossAmount) errors.netAmount = "validation.required";

  let input: InvoiceInput | null = null;
  if (Object.keys(errors).length === 0) {
    const result = invoiceInputSchema.safeParse({
      number: cells.number ?? "",
      kind: kindFrom(cells.kind),
      date,
      customer: {
        name: cells.customerName ?? "",
        country: cells.customerCountry,
        type: customerTypeFrom(cells.customerType),
        vatId: cells.customerVatId,
      },
      category,
      netCents,
      vatCents: vat ?? 0,
      country: cells.country,
      description: cells.description,
      currency: cells.currency,
    });
    if (result.success) input = result.data;
    else
      for (const issue of result.error.issues) {
        const field = SCHEMA_PATH_TO_FIELD[issue.path.map(String).join(".")] ?? "number";
        errors[field] ??= issue.message;
      }
  }
  const classification = input ? classifyTransaction({ category: input.category, country: input.country, ancillary: input.ancillary, date: input.date }) : null;
  return {
    line,
    number: cells.number?.trim() || null,
    date,
    customerName: cells.customerName?.trim() || null,
    netCents: input?.netCents ?? netCents ?? null,
    vatCents: input?.vatCents ?? vat ?? null,
    category,
    status: input ? "new" : "error",
    errors,
    countsForKor: classification ? classification.countsForKor : null,
    input,
  };
}

/** Every row of the table, marked new / existing / error, with the import's summary. */
export function previewRows(table: CsvTable, mapping: ImportMapping, existingNumbers: Set<string>): { preview: ImportPreview; parsed: ParsedRow[] } {
  const index = Object.fromEntries(
    Object.entries(mapping.columns).map(([field, header]) => [field, table.headers.indexOf(header!)]),
  ) as Partial<Record<ImportField, number>>;
  const seen = new Set<string>();
  const parsed = table.rows.map((row, i) => {
    const cells = Object.fromEntries(
      Object.entries(index).map(([field, column]) => [field, column !== undefined && column >= 0 ? row[column] : undefined]),
    ) as Record<ImportField, string | undefined>;
    const result = parseRow(cells, i + 2, mapping);
    if (result.input) {
      if (seen.has(result.input.number)) {
        result.status = "error";
        result.errors.number = "validation.duplicateInFile";
        result.input = null;
      } else {
        seen.add(result.input.number);
        if (existingNumbers.has(result.input.number)) result.status = "existing";
      }
    }
    return result;
  });
  const summary = { total: parsed.length, new: 0, existing: 0, errors: 0, newNetCents: 0, newKorCents: 0 };
  for (const row of parsed) {
    if (row.status === "new") {
      summary.new++;
      summary.newNetCents += row.netCents ?? 0;
      if (row.countsForKor) summary.newKorCents += row.netCents ?? 0;
    } else if (row.status === "existing") summary.existing++;
    else summary.errors++;
  }
  return {
    preview: { headers: table.headers, mapping, rows: parsed.map(({ input: _input, ...row }) => row), summary },
    parsed,
  };
}

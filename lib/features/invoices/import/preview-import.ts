// Turns CSV rows into invoice inputs with per-row problems, and says for each row whether
// it is new, already registered (same invoice number: skipped, so an import can be
// repeated safely), wrong, or in need of review (its category cannot be derived safely:
// never guessed into the KOR total) — and whether it will count for the KOR.
import { CATEGORIES, classifyTransaction, vatContained, rulesFor } from "@/lib/kor";
import { readCsvCell } from "@/lib/platform/http/csv";
import { invoiceInputSchema, type InvoiceInput } from "@/lib/features/invoices/invoice.types";
import { parseAmountToCents, parseDate } from "@/lib/features/invoices/import/parse-values";
import { categoryFrom, customerTypeFrom, type CategoryOutcome } from "@/lib/features/invoices/import/derive-category";
import { hasInvalidText, issueKey, WITH_FIELD_KEYS } from "@/lib/platform/validation";
import { yieldToEventLoop, type CsvTable } from "@/lib/features/invoices/import/read-csv";
import type { ImportField, ImportMapping, ImportPreview, PreviewRow } from "@/lib/features/invoices/import/import.types";

/** An error row for something that never became cells (an unreadable e-invoice). */
export function unreadableRow(
  line: number,
  fields: { number: string | null; date: string | null; customerName: string | null },
  errors: Record<string, string>,
): ParsedRow {
  return {
    line,
    ...fields,
    netCents: null,
    vatCents: null,
    category: null,
    status: "error",
    errors,
    countsForKor: null,
    creditsNumber: null,
    deletedAt: null,
    input: null,
  };
}

/** `deletedAt`: the row is imported as a deleted invoice (ISO timestamp). */
export type ParsedRow = PreviewRow & { input: InvoiceInput | null; creditsNumber: string | null; deletedAt: string | null };

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * When a row's invoice was deleted: Drempel's export writes an ISO timestamp; a calendar
 * date is taken as midday UTC of that day (the same day in Amsterdam). Empty: not deleted.
 */
export function parseDeletedAt(raw: string | undefined): string | null | undefined {
  const text = raw?.trim() ?? "";
  if (text === "") return null;
  const match = TIMESTAMP.exec(text);
  if (match) {
    if (!parseDate(match[1]!) || Number(match[2]) > 23 || Number(match[3]) > 59 || Number(match[4]) > 59) return undefined;
    const time = new Date(text);
    return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
  }
  const date = parseDate(text);
  return date ? `${date}T12:00:00.000Z` : undefined;
}

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
  ancillary: "ancillary",
  sequence: "sequence",
  foreignCents: "foreignAmount",
  exchangeRate: "exchangeRate",
};

const CENTS = /^-?\d{1,12}$/;
const YES = ["yes", "ja", "true", "1", "y", "j"];
const NO = ["no", "nee", "false", "0", "n", ""];

function kindFrom(raw: string | undefined): string | undefined {
  const value = raw
    ?.trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if (!value) return undefined;
  if (["credit_note", "creditnota", "credit", "creditfactuur"].includes(value)) return "credit_note";
  if (["invoice", "factuur", "verkoopfactuur"].includes(value)) return "invoice";
  if (["cash_sale", "kassa", "kassaverkoop", "contant"].includes(value)) return "cash_sale";
  if (["advance_payment", "vooruitbetaling", "aanbetaling"].includes(value)) return "advance_payment";
  return value;
}

export function parseRow(rawCells: Record<ImportField, string | undefined>, line: number, mapping: ImportMapping): ParsedRow {
  const errors: Record<string, string> = {};
  // Our own export escaped formula-like text with an apostrophe: take it off again.
  const cells = mapping.ownFormat
    ? (Object.fromEntries(
        Object.entries(rawCells).map(([field, value]) => [field, value === undefined ? undefined : readCsvCell(value)]),
      ) as Record<ImportField, string | undefined>)
    : rawCells;
  // NUL and other characters no text may hold: the row and column are named, nothing is stored.
  for (const [field, value] of Object.entries(cells)) {
    if (value !== undefined && hasInvalidText(value)) errors[field] = "validation.invalidCharacters";
  }
  const date = cells.date ? parseDate(cells.date) : null;
  if (!date) errors.date ??= cells.date ? "validation.date" : "validation.required";
  const derived = categoryFrom(cells, mapping.defaultCategory);
  const chosen = mapping.rowCategories?.[String(line)] ?? ("review" in derived ? mapping.groupCategories?.[derived.review] : undefined);
  const outcome: CategoryOutcome = chosen ? { category: chosen } : derived;
  const category = "category" in outcome ? outcome.category : null;
  if ("invalid" in outcome) errors.category = "validation.category";
  // Kept after the user's choice, so the preview still shows the choice's group.
  const reviewGroup = "review" in derived ? derived.review : undefined;

  const amount = (field: "netAmount" | "vatAmount" | "grossAmount") => {
    const raw = cells[field];
    if (raw === undefined || raw.trim() === "") return undefined;
    const cents = parseAmountToCents(raw);
    if (cents === null) errors[field] = "validation.amount";
    return cents ?? undefined;
  };
  const exactCents = (field: "netCents" | "vatCents") => {
    const raw = cells[field]?.trim();
    if (raw === undefined || raw === "") return undefined;
    if (!CENTS.test(raw)) {
      errors[field] = "validation.integerCents";
      return undefined;
    }
    return Number(raw);
  };
  const netFromCents = exactCents("netCents");
  const vatFromCents = exactCents("vatCents");
  const net = netFromCents ?? amount("netAmount");
  let vat = vatFromCents ?? amount("vatAmount");
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
  if (netCents === undefined && !errors.netAmount && !errors.grossAmount && !errors.netCents) errors.netAmount = "validation.required";

  const foreignCents = cells.foreignAmount?.trim() ? (parseAmountToCents(cells.foreignAmount) ?? undefined) : null;
  if (foreignCents === undefined) errors.foreignAmount = "validation.amount";
  const rateText = cells.exchangeRate?.trim().replace(",", ".") ?? "";
  const exchangeRate = rateText === "" ? null : /^\d{1,10}(\.\d{1,8})?$/.test(rateText) ? Number(rateText) : undefined;
  if (exchangeRate === undefined) errors.exchangeRate = "validation.exchangeRate";
  const sequenceText = cells.sequence?.trim() ?? "";
  const sequence = sequenceText === "" ? null : /^\d{1,7}$/.test(sequenceText) ? Number(sequenceText) : undefined;
  if (sequence === undefined) errors.sequence = "validation.integer";
  const ancillaryText = cells.ancillary?.trim().toLowerCase() ?? "";
  const ancillary = YES.includes(ancillaryText) ? true : NO.includes(ancillaryText) ? false : undefined;
  if (ancillary === undefined) errors.ancillary = "validation.boolean";
  const deletedAt = parseDeletedAt(cells.deletedAt);
  if (deletedAt === undefined) errors.deletedAt = "validation.deletedAt";

  let input: InvoiceInput | null = null;
  if (Object.keys(errors).length === 0 && category) {
    const result = invoiceInputSchema.safeParse(
      {
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
        foreignCents,
        exchangeRate,
        sequence,
        ancillary,
      },
      WITH_FIELD_KEYS,
    );
    if (result.success) input = result.data;
    else
      for (const issue of result.error.issues) {
        const field = SCHEMA_PATH_TO_FIELD[issue.path.map(String).join(".")] ?? "number";
        errors[field] ??= issueKey(issue);
      }
  }
  const classification = input
    ? classifyTransaction({ category: input.category, country: input.country, ancillary: input.ancillary, date: input.date })
    : null;
  const deleted = typeof deletedAt === "string";
  return {
    line,
    number: cells.number?.trim() || null,
    date,
    customerName: cells.customerName?.trim() || null,
    netCents: input?.netCents ?? netCents ?? null,
    vatCents: input?.vatCents ?? vat ?? null,
    category,
    status: input ? "new" : "review" in outcome && Object.keys(errors).length === 0 ? "review" : "error",
    ...(reviewGroup ? { reviewGroup } : {}),
    errors,
    // A deleted invoice never counts (it keeps only its number and history).
    countsForKor: classification ? classification.countsForKor && !deleted : null,
    ...(deleted ? { deleted: true as const } : {}),
    creditsNumber: cells.creditsInvoiceNumber?.trim() || null,
    deletedAt: deletedAt ?? null,
    input,
  };
}

// Rows checked between two turns of the event loop.
const ROWS_PER_TURN = 500;

/** Every row of the table, marked new / existing / review / error, with the import's summary. */
export async function previewRows(
  table: CsvTable,
  mapping: ImportMapping,
  existingNumbers: Set<string>,
  errorRows: ParsedRow[] = [],
): Promise<{ preview: ImportPreview; parsed: ParsedRow[] }> {
  const index = Object.fromEntries(
    Object.entries(mapping.columns).map(([field, header]) => [field, table.headers.indexOf(header!)]),
  ) as Partial<Record<ImportField, number>>;
  const seen = new Set<string>();
  const parsed: ParsedRow[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await yieldToEventLoop();
    const row = table.rows[i]!;
    const cells = Object.fromEntries(
      Object.entries(index).map(([field, column]) => [field, column !== undefined && column >= 0 ? row[column] : undefined]),
    ) as Record<ImportField, string | undefined>;
    const result = parseRow(cells, table.lines?.[i] ?? i + 2, mapping);
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
    // A row already registered is skipped whatever its category.
    if (result.status === "review" && result.number && existingNumbers.has(result.number)) result.status = "existing";
    parsed.push(result);
  }
  // Rows that could not be read at all (an e-invoice that is no UBL) are errors in their place.
  if (errorRows.length) {
    parsed.push(...errorRows);
    parsed.sort((a, b) => a.line - b.line);
  }
  // A credit note names the invoice it credits by number: in this file or already registered.
  for (const row of parsed) {
    if (!row.creditsNumber || row.status === "error") continue;
    const known = seen.has(row.creditsNumber) || existingNumbers.has(row.creditsNumber);
    const isCreditNote = row.input ? row.input.kind === "credit_note" : true;
    if (!known || !isCreditNote) {
      row.status = "error";
      // Not known: perhaps deleted in the books it came from (the export leaves deleted invoices out).
      row.errors.creditsInvoiceNumber = known ? "validation.creditsInvoiceOnlyCreditNote" : "validation.creditsInvoiceMissing";
      row.input = null;
    }
  }
  const summary = { total: parsed.length, new: 0, existing: 0, errors: 0, review: 0, newNetCents: 0, newKorCents: 0, deleted: 0 };
  for (const row of parsed) {
    if (row.status === "new" && row.deleted) {
      summary.new++;
      summary.deleted++;
    } else if (row.status === "new") {
      summary.new++;
      summary.newNetCents += row.netCents ?? 0;
      if (row.countsForKor) summary.newKorCents += row.netCents ?? 0;
    } else if (row.status === "existing") summary.existing++;
    else if (row.status === "review") summary.review++;
    else summary.errors++;
  }
  return {
    preview: {
      headers: table.headers,
      mapping,
      rows: parsed.map(({ input: _input, creditsNumber: _credits, deletedAt: _deletedAt, ...row }) => row),
      summary,
      warnings: [],
    },
    parsed,
  };
}

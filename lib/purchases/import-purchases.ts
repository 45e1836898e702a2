// Importing purchases from a CSV file, all or nothing: every row is read with the invoice
// import's CSV reader, amount and date parsers (lib/invoices/import), validated with the
// purchase schema, and only when no row has a problem are all inserted in one transaction.
// Problems come back per row and column: `line 3, net` → "validation.amount".
// Columns are recognised by their header (Dutch or English, see PURCHASE_CSV_COLUMNS).
import { writeAuditLog } from "@/lib/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/businesses/access";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { readCsv, yieldToEventLoop } from "@/lib/invoices/import/read-csv";
import { parseAmountToCents, parseDate } from "@/lib/invoices/import/parse-values";
import { fieldErrors } from "@/lib/validation";
import { insertPurchase } from "./save-purchase";
import { purchaseInputSchema, type PurchaseInput } from "./purchase.types";

/** At most this many purchases per file: a quarter's or a year's receipts, not a ledger's history. */
export const MAX_PURCHASE_ROWS = 5_000;

/** Each field and the headers that name it (lower-cased, spaces and punctuation ignored). */
export const PURCHASE_CSV_COLUMNS = {
  date: ["date", "datum", "factuurdatum", "invoicedate"],
  supplier: ["supplier", "leverancier", "suppliername", "naam", "name"],
  supplierCountry: ["suppliercountry", "country", "land"],
  supplierVatId: ["suppliervatid", "vatid", "btwnummer", "btwid"],
  reference: ["reference", "number", "nummer", "factuurnummer", "kenmerk"],
  net: ["net", "netto", "netamount", "bedragexclbtw", "exclbtw", "netcents"],
  vat: ["vat", "btw", "btwbedrag", "vatamount", "vatcents"],
  rate: ["rate", "tarief", "btwtarief", "ratepercent"],
  vatTreatment: ["vattreatment", "btwbehandeling", "treatment"],
  category: ["category", "categorie", "soortkosten"],
  kind: ["kind", "soort", "documentkind", "document"],
  description: ["description", "omschrijving", "beschrijving"],
} as const;

type Column = keyof typeof PURCHASE_CSV_COLUMNS;
const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

function columnIndexes(headers: string[]): Partial<Record<Column, number>> {
  const found: Partial<Record<Column, number>> = {};
  headers.forEach((header, index) => {
    const key = normalise(header);
    for (const [column, names] of Object.entries(PURCHASE_CSV_COLUMNS) as [Column, readonly string[]][]) {
      if (found[column] === undefined && names.includes(key)) found[column] = index;
    }
  });
  return found;
}

// Words a bookkeeping export may use for the treatment and category, beside the codes.
const TREATMENTS: Record<string, string> = {
  nlvat: "NL_VAT",
  binnenland: "NL_VAT",
  nlreversecharge: "NL_REVERSE_CHARGE",
  verlegd: "NL_REVERSE_CHARGE",
  eureversecharge: "EU_REVERSE_CHARGE",
  eu: "EU_REVERSE_CHARGE",
  noneureversecharge: "NON_EU_REVERSE_CHARGE",
  buiteneu: "NON_EU_REVERSE_CHARGE",
  novat: "NO_VAT",
  geenbtw: "NO_VAT",
};
const CATEGORIES: Record<string, string> = {
  costs: "COSTS",
  kosten: "COSTS",
  goodsforresale: "GOODS_FOR_RESALE",
  inkoopwaar: "GOODS_FOR_RESALE",
  investmentmovable: "INVESTMENT_MOVABLE",
  investering: "INVESTMENT_MOVABLE",
  investmentimmovable: "INVESTMENT_IMMOVABLE",
  onroerend: "INVESTMENT_IMMOVABLE",
};
const KINDS: Record<string, string> = {
  invoice: "invoice",
  factuur: "invoice",
  receipt: "receipt",
  bon: "receipt",
  bonnetje: "receipt",
  kassabon: "receipt",
};

/** Which CSV column a schema path came from, for the error's name. */
const PATH_TO_COLUMN: Record<string, Column> = {
  date: "date",
  "supplier.name": "supplier",
  "supplier.country": "supplierCountry",
  "supplier.vatId": "supplierVatId",
  reference: "reference",
  netCents: "net",
  vatCents: "vat",
  ratePercent: "rate",
  vatTreatment: "vatTreatment",
  category: "category",
  documentKind: "kind",
  description: "description",
};

export type PurchaseImportResult = { created: number };

/** Every row as a purchase input, or the problems per `line.column`; throws on an unreadable file. */
export async function parsePurchaseCsv(csv: string): Promise<{ inputs: PurchaseInput[]; errors: Record<string, string> }> {
  const table = await readCsv(csv);
  if (table.rows.length > MAX_PURCHASE_ROWS)
    throw new AppError("VALIDATION_FAILED", "Too many rows", { fields: { file: "validation.purchaseCsvTooLarge" } });
  const columns = columnIndexes(table.headers);
  const missing = (["date", "supplier", "net"] as const).filter((column) => columns[column] === undefined);
  if (missing.length)
    throw new AppError("VALIDATION_FAILED", "Required columns missing", {
      fields: Object.fromEntries(missing.map((column) => [`columns.${column}`, "validation.columnMissing"])),
    });

  const inputs: PurchaseInput[] = [];
  const errors: Record<string, string> = {};
  for (const [index, row] of table.rows.entries()) {
    if (index % 500 === 499) await yieldToEventLoop();
    const line = index + 2; // line 1 is the header
    const cell = (column: Column) => {
      const at = columns[column];
      const value = at === undefined ? undefined : row[at]?.trim();
      return value ? value : undefined;
    };
    const rowErrors: Record<string, string> = {};
    const amount = (column: "net" | "vat") => {
      const raw = cell(column);
      if (raw === undefined) return undefined;
      const cents = parseAmountToCents(raw);
      if (cents === null) rowErrors[column] = "validation.amount";
      return cents ?? undefined;
    };
    const date = cell("date");
    const isoDate = date ? parseDate(date) : null;
    if (date && !isoDate) rowErrors.date = "validation.date";
    const rate = cell("rate")?.replace("%", "").trim();
    const word = (column: Column, words: Record<string, string>) => {
      const raw = cell(column);
      return raw === undefined ? undefined : (words[normalise(raw)] ?? raw.toUpperCase());
    };
    const candidate = {
      documentKind: word("kind", KINDS)?.toLowerCase(),
      reference: cell("reference"),
      date: isoDate ?? date ?? "",
      supplier: { name: cell("supplier") ?? "", country: cell("supplierCountry"), vatId: cell("supplierVatId") },
      netCents: amount("net"),
      vatCents: amount("vat"),
      ratePercent: rate === undefined ? undefined : Number(rate.replace(",", ".")),
      vatTreatment: word("vatTreatment", TREATMENTS),
      category: word("category", CATEGORIES),
      description: cell("description"),
    };
    const parsed = purchaseInputSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
        const column = PATH_TO_COLUMN[path] ?? path;
        rowErrors[column] ??= message;
      }
    }
    for (const [column, message] of Object.entries(rowErrors)) errors[`rows.${line}.${column}`] = message;
    if (parsed.success && Object.keys(rowErrors).length === 0) inputs.push(parsed.data);
  }
  return { inputs, errors };
}

export async function importPurchases(options: { caller: Caller; businessId: string; csv: string }): Promise<PurchaseImportResult> {
  const { caller, businessId } = options;
  await requireBusinessAccess({ caller, businessId, need: "write" });
  const { inputs, errors } = await parsePurchaseCsv(options.csv);
  if (Object.keys(errors).length)
    throw new AppError("VALIDATION_FAILED", "Some rows are invalid; nothing was imported", { fields: errors });
  if (inputs.length === 0) throw new AppError("VALIDATION_FAILED", "No rows", { fields: { file: "validation.csvEmpty" } });
  // One transaction: the access check again inside it, every row or none.
  await db().$transaction(
    async (tx) => {
      await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
      for (const data of inputs) await insertPurchase(tx, { businessId, userId: caller.userId, data, audit: false });
      await writeAuditLog(tx, {
        businessId,
        actorId: caller.userId,
        action: "purchase.import",
        entityType: "Purchase",
        after: { created: inputs.length },
      });
    },
    { timeout: 60_000 },
  );
  return { created: inputs.length };
}

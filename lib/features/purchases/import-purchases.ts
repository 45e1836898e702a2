// Importing purchases from a CSV file, all or nothing: every row is read with the invoice
// import's CSV reader, amount and date parsers (lib/features/invoices/import), validated with the
// purchase schema, and only when no row has a problem are all inserted in one transaction.
// Problems come back per row and column: `line 3, net` → "validation.amount".
// Columns are recognised by their header (Dutch or English, see PURCHASE_CSV_COLUMNS). A credit
// note's credited_reference links it to that supplier's invoice, in the file or the books.
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { readCsv, yieldToEventLoop } from "@/lib/features/invoices/import/read-csv";
import { parseAmountToCents, parseDate } from "@/lib/features/invoices/import/parse-values";
import { fieldErrors } from "@/lib/platform/validation";
import { sameSupplier } from "./import-purchase-e-invoices";
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
  // A credit note's: the supplier's invoice number it corrects (the sales CSV's credits_invoice_number).
  creditedReference: [
    "creditedreference",
    "creditsreference",
    "creditspurchasereference",
    "gecrediteerdefactuur",
    "origineelfactuurnummer",
  ],
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

/** A row that names the invoice it credits: the index of its input, its line and the invoice's number. */
type CreditRow = { input: number; line: number; reference: string };

/** Every row as a purchase input, or the problems per `line.column`; throws on an unreadable file. */
export async function parsePurchaseCsv(
  csv: string,
): Promise<{ inputs: PurchaseInput[]; errors: Record<string, string>; credits: CreditRow[] }> {
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
  const credits: CreditRow[] = [];
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
    const credited = cell("creditedReference");
    if (credited !== undefined && credited.length > 60) rowErrors.creditedReference = "validation.tooLong";
    else if (credited !== undefined && parsed.success && parsed.data.netCents >= 0)
      rowErrors.creditedReference = "validation.creditsPurchaseOnlyCredit";
    for (const [column, message] of Object.entries(rowErrors)) errors[`rows.${line}.${column}`] = message;
    if (parsed.success && Object.keys(rowErrors).length === 0) {
      if (credited !== undefined) credits.push({ input: inputs.length, line, reference: credited });
      inputs.push(parsed.data);
    }
  }
  return { inputs, errors, credits };
}

/**
 * Which invoice each credit row corrects: the same supplier's invoice (positive) with that
 * number, in the file (its input's index) or in the books (its id). One not found is an error
 * of the row's credited_reference column.
 */
async function resolveCredits(
  businessId: string,
  inputs: PurchaseInput[],
  credits: CreditRow[],
  errors: Record<string, string>,
): Promise<Map<number, number | string>> {
  const links = new Map<number, number | string>();
  if (credits.length === 0) return links;
  const books = await db().purchase.findMany({
    where: {
      businessId,
      documentKind: "INVOICE",
      netCents: { gt: 0 },
      reference: { in: [...new Set(credits.map((credit) => credit.reference))] },
    },
    select: { id: true, reference: true, supplierName: true, supplierVatId: true },
  });
  for (const credit of credits) {
    const supplier = { name: inputs[credit.input]!.supplierName, vatId: inputs[credit.input]!.supplierVatId };
    const inFile = inputs.findIndex(
      (input) =>
        input.reference === credit.reference &&
        input.documentKind === "invoice" &&
        input.netCents > 0 &&
        sameSupplier({ name: input.supplierName, vatId: input.supplierVatId }, supplier),
    );
    const inBooks = books.find(
      (row) => row.reference === credit.reference && sameSupplier({ name: row.supplierName, vatId: row.supplierVatId }, supplier),
    );
    if (inFile >= 0) links.set(credit.input, inFile);
    else if (inBooks) links.set(credit.input, inBooks.id);
    else errors[`rows.${credit.line}.creditedReference`] = "validation.creditsPurchaseMissing";
  }
  return links;
}

export async function importPurchases(options: { caller: Caller; businessId: string; csv: string }): Promise<PurchaseImportResult> {
  const { caller, businessId } = options;
  await requireBusinessAccess({ caller, businessId, need: "write" });
  const { inputs, errors, credits } = await parsePurchaseCsv(options.csv);
  const links = await resolveCredits(businessId, inputs, credits, errors);
  if (Object.keys(errors).length)
    throw new AppError("VALIDATION_FAILED", "Some rows are invalid; nothing was imported", { fields: errors });
  if (inputs.length === 0) throw new AppError("VALIDATION_FAILED", "No rows", { fields: { file: "validation.csvEmpty" } });
  // One transaction: the access check again inside it, every row or none.
  await db().$transaction(
    async (tx) => {
      await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
      const ids: string[] = [];
      for (const [at, data] of inputs.entries()) {
        const book = links.get(at);
        const creditsPurchaseId = typeof book === "string" ? book : null;
        ids.push((await insertPurchase(tx, { businessId, userId: caller.userId, data: { ...data, creditsPurchaseId }, audit: false })).id);
      }
      // Credit notes whose invoice is a row of the same file: linked once both are written.
      for (const [at, target] of links)
        if (typeof target === "number") await tx.purchase.update({ where: { id: ids[at]! }, data: { creditsPurchaseId: ids[target]! } });
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

// The e-invoice import (UBL 2.1 Invoice and CreditNote; one XML file or a zip of many):
// each document read into the same rows a CSV file gives, then the CSV import's own
// preview and commit — the same review of categories, VAT advice, duplicates by number,
// one transaction and one import per business. The business's remembered CSV mapping is
// neither used nor changed; only the user's category choices (by line or group) are taken.
import type { z } from "zod";
import type { Tx } from "@/lib/platform/db/client";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { hasInvalidText, parseOrThrow } from "@/lib/platform/validation";
import { commitTable, previewTable, withImportLock, type ImportProgress } from "@/lib/features/invoices/import/import-invoices";
import {
  eInvoiceChoicesSchema,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
} from "@/lib/features/invoices/import/import.types";
import { unreadableRow, type ParsedRow } from "@/lib/features/invoices/import/preview-import";
import type { CsvTable } from "@/lib/features/invoices/import/read-csv";
import { yieldToEventLoop } from "@/lib/features/invoices/import/read-csv";
import { readUbl } from "@/lib/features/invoices/import/ubl/read-ubl";
import { readUpload } from "@/lib/features/invoices/import/ubl/read-upload";
import { partSuffix, ublRows, type UblCells } from "@/lib/features/invoices/import/ubl/ubl-rows";

/** The user's choices for rows that need review; nothing else of a mapping applies. */

const FIELDS: ImportField[] = [
  "number",
  "kind",
  "date",
  "customerName",
  "customerCountry",
  "customerType",
  "customerVatId",
  "description",
  "vatRate",
  "vatCategoryCode",
  "vatExemptionReason",
  "deliveryCountry",
  "netCents",
  "vatCents",
  "currency",
  "foreignAmount",
  "exchangeRate",
  "creditsInvoiceNumber",
];

type Options = { caller: Caller; businessId: string; body: Uint8Array; fileName?: string; choices?: unknown };
type Source = {
  table: CsvTable;
  mapping: ImportMapping;
  errorRows: ParsedRow[];
  extras: Map<number, { source: string; notes: string[] }>;
  skippedFiles: number;
};

/** Invoice numbers in the books that a reference may mean: the number itself, or the parts of a split document. */
async function storedNumbers(tx: Tx, businessId: string, references: string[]): Promise<string[]> {
  const wanted = references.filter((reference) => !hasInvalidText(reference));
  if (wanted.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<{ number: string }[]>(
    `SELECT "number" FROM "Invoice" WHERE "businessId" = $1::uuid AND ("number" IN (SELECT jsonb_array_elements_text($2::jsonb))
        OR split_part("number", '/', 1) IN (SELECT jsonb_array_elements_text($2::jsonb)))`,
    businessId,
    JSON.stringify(wanted),
  );
  return rows.map((row) => row.number);
}

/** The upload as a table of rows: one per document, or per VAT category of a document. */
async function eInvoiceSource(tx: Tx, businessId: string, options: Options): Promise<Source> {
  const upload = await readUpload(options.body, options.fileName);
  const choices = parseOrThrow(eInvoiceChoicesSchema, options.choices ?? {});
  const mapping: ImportMapping = {
    columns: Object.fromEntries(FIELDS.map((field) => [field, field])),
    defaultCategory: "NL_STANDARD",
    ...choices,
  };
  const rows: string[][] = [];
  const lines: number[] = [];
  const errorRows: ParsedRow[] = [];
  const extras = new Map<number, { source: string; notes: string[] }>();
  const credits: { at: number; references: string[]; code: string }[] = [];
  let line = 0;
  for (const [i, file] of upload.documents.entries()) {
    if (i > 0 && i % 20 === 0) await yieldToEventLoop();
    const read = file.text === null ? ({ ok: false, error: "importEInvoices.errors.notUtf8" } as const) : readUbl(file.text);
    if (!read.ok) {
      line++;
      errorRows.push(unreadableRow(line, { number: null, date: null, customerName: null }, { file: read.error }));
      extras.set(line, { source: file.name, notes: [] });
      continue;
    }
    const result = ublRows(read.document);
    if (!result.ok) {
      line++;
      errorRows.push(unreadableRow(line, { number: result.number, date: result.date, customerName: result.customerName }, result.errors));
      extras.set(line, { source: file.name, notes: [] });
      continue;
    }
    for (const row of result.rows) {
      line++;
      if (result.references.length)
        credits.push({
          at: rows.length,
          references: result.references,
          code: partSuffix(row.cells.vatCategoryCode ?? "", row.cells.vatRate ?? ""),
        });
      rows.push(FIELDS.map((field) => (row.cells as UblCells)[field] ?? ""));
      lines.push(line);
      extras.set(line, { source: file.name, notes: row.notes });
    }
  }
  await linkReferences(tx, businessId, rows, lines, credits, extras);
  return { table: { headers: FIELDS, rows, lines }, mapping, errorRows, extras, skippedFiles: upload.skippedFiles };
}

/**
 * A credit note is linked to the invoice its BillingReference names when that invoice
 * exists (in the upload or the books): as it is, or the part of a split invoice with the
 * credit note's VAT category (else its first part). Otherwise it is imported unlinked, and
 * the preview says so.
 */
async function linkReferences(
  tx: Tx,
  businessId: string,
  rows: string[][],
  lines: number[],
  credits: { at: number; references: string[]; code: string }[],
  extras: Source["extras"],
) {
  if (credits.length === 0) return;
  const numberAt = FIELDS.indexOf("number");
  const creditsAt = FIELDS.indexOf("creditsInvoiceNumber");
  const known = new Set([
    ...rows.map((row) => row[numberAt]!),
    ...(await storedNumbers(
      tx,
      businessId,
      credits.flatMap((credit) => credit.references),
    )),
  ]);
  const sorted = [...known].sort();
  for (const credit of credits) {
    let target: string | undefined;
    for (const reference of credit.references) {
      target = known.has(reference)
        ? reference
        : known.has(`${reference}/${credit.code}`)
          ? `${reference}/${credit.code}`
          : sorted.find((number) => number.startsWith(`${reference}/`));
      if (target) break;
    }
    if (target) rows[credit.at]![creditsAt] = target;
    else extras.get(lines[credit.at]!)?.notes.push("importEInvoices.notes.referenceNotFound");
  }
}

function decorate(preview: ImportPreview, source: Source): ImportPreview {
  for (const row of preview.rows) {
    const extra = source.extras.get(row.line);
    if (!extra) continue;
    row.source = extra.source;
    if (extra.notes.length) row.notes = extra.notes;
  }
  if (source.skippedFiles > 0) preview.warnings.push({ code: "skippedFiles", count: source.skippedFiles });
  return preview;
}

export async function previewEInvoiceImport(options: Options): Promise<ImportPreview> {
  const { caller, businessId } = options;
  await requireBusinessAccess({ caller, businessId, need: "write" });
  return withImportLock(caller, businessId, async (tx) => {
    const source = await eInvoiceSource(tx, businessId, options);
    return decorate(await previewTable(tx, businessId, source.table, source.mapping, source.errorRows), source);
  });
}

export async function commitEInvoiceImport(
  options: Options & { onProgress?: (progress: ImportProgress) => void },
): Promise<{ created: number; skipped: number; total: number }> {
  const { caller, businessId } = options;
  const report = options.onProgress ?? (() => undefined);
  await requireBusinessAccess({ caller, businessId, need: "write" });
  return withImportLock(caller, businessId, async (tx) => {
    const source = await eInvoiceSource(tx, businessId, options);
    report({ phase: "checking", total: source.table.rows.length + source.errorRows.length });
    return commitTable(tx, { caller, businessId, table: source.table, mapping: source.mapping, errorRows: source.errorRows, report });
  });
}

export type EInvoiceChoices = z.infer<typeof eInvoiceChoicesSchema>;

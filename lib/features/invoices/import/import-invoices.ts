// The CSV import: preview (nothing written) and commit (all or nothing, in one
// transaction; rows whose invoice number is already registered are skipped, so the same
// file imported twice adds nothing). The mapping is remembered per business. The access
// check comes before the file is parsed; parsing yields to the event loop (read-csv.ts);
// one commit per business at a time (a transaction-scoped advisory lock).
import { db, type Tx } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { hasInvalidText, parseOrThrow } from "@/lib/platform/validation";
import { insertInvoicesBulk } from "@/lib/features/invoices/import/insert-invoices-bulk";
import {
  importMappingSchema,
  type ImportMapping,
  type ImportPreview,
  type ImportWarning,
} from "@/lib/features/invoices/import/import.types";
import type { ParsedRow } from "@/lib/features/invoices/import/preview-import";
import type { CsvTable } from "@/lib/features/invoices/import/read-csv";
import { rulesFor, adviseVat } from "@/lib/kor";
import { previewRows } from "@/lib/features/invoices/import/preview-import";
import { readCsv, suggestMapping } from "@/lib/features/invoices/import/read-csv";
import { enqueueEvaluation } from "@/lib/platform/jobs/enqueue-evaluation";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import type { InvoiceInput } from "@/lib/features/invoices/invoice.types";
import { loadEngineInput } from "@/lib/features/books/load-engine-input";

type ImportOptions = { caller: Caller; businessId: string; csv: string; mapping?: unknown };

/** Where a commit stands: rows checked, then saved chunk by chunk, then committed. */
export type ImportProgress =
  | { phase: "checking"; total: number }
  | { phase: "saving"; done: number; total: number }
  | { phase: "committing"; total: number };

export type ImportResult = { created: number; skipped: number; total: number; mapping: ImportMapping };

// Rows per INSERT: small enough that building and decoding one chunk keeps the event loop free.
const CHUNK = 1_000;

async function existingNumbers(tx: Tx, businessId: string, candidates: string[]): Promise<Set<string>> {
  // A number with a NUL cannot be in the database (nor in jsonb); its row is an error anyway.
  const numbers = candidates.filter((number) => !hasInvalidText(number));
  if (numbers.length === 0) return new Set();
  // One JSON parameter instead of one bind parameter per number (see insert-invoices-bulk).
  const rows = await tx.$queryRawUnsafe<{ number: string }[]>(
    `SELECT "number" FROM "Invoice" WHERE "businessId" = $1::uuid AND "number" IN (SELECT jsonb_array_elements_text($2::jsonb))`,
    businessId,
    JSON.stringify(numbers),
  );
  return new Set(rows.map((row) => row.number));
}

async function resolveMapping(tx: Tx, businessId: string, headers: string[], given: unknown): Promise<ImportMapping> {
  if (given !== undefined && given !== null) return parseOrThrow(importMappingSchema, given);
  const business = await tx.business.findUniqueOrThrow({ where: { id: businessId }, select: { importMapping: true } });
  const remembered = importMappingSchema.safeParse(business.importMapping);
  return suggestMapping(headers, remembered.success ? remembered.data : null);
}

function assertMapped(mapping: ImportMapping) {
  const missing: Record<string, string> = {};
  if (!mapping.columns.number) missing["mapping.number"] = "validation.columnRequired";
  if (!mapping.columns.date) missing["mapping.date"] = "validation.columnRequired";
  if (!mapping.columns.customerName) missing["mapping.customerName"] = "validation.columnRequired";
  if (!mapping.columns.netAmount && !mapping.columns.grossAmount && !mapping.columns.netCents)
    missing["mapping.netAmount"] = "validation.columnRequired";
  if (Object.keys(missing).length) throw new AppError("VALIDATION_FAILED", "Columns not mapped", { fields: missing });
}

/** Invoice numbers the file names: its rows' own and the invoices its credit notes credit. */
function numbersOf(table: CsvTable, mapping: ImportMapping): string[] {
  const columns = [mapping.columns.number, mapping.columns.creditsInvoiceNumber]
    .filter((c): c is string => !!c)
    .map((c) => table.headers.indexOf(c))
    .filter((i) => i >= 0);
  const strip = mapping.ownFormat ? (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell) : (cell: string) => cell;
  return table.rows.flatMap((row) => columns.map((i) => strip(row[i] ?? "").trim())).filter(Boolean);
}

/** What is remembered for the business's next file: not this file's row choices. */
function rememberable(mapping: ImportMapping): Prisma.InputJsonValue {
  const { rowCategories: _rows, groupCategories: _groups, ownFormat: _own, ...rest } = mapping;
  return rest as Prisma.InputJsonValue;
}

export async function previewImport(options: ImportOptions): Promise<ImportPreview> {
  const { caller, businessId } = options;
  await requireBusinessAccess({ caller, businessId, need: "write" });
  return withImportLock(caller, businessId, async (tx) => {
    const table = await readCsv(options.csv);
    const mapping = await resolveMapping(tx, businessId, table.headers, options.mapping);
    return previewTable(tx, businessId, table, mapping);
  });
}

/**
 * The preview does the commit's work without writing: parsing a 25 MB file, placing every
 * row in the books. It holds the same per-business lock as a commit, so a business has
 * one preview or import at a time (a second gets 409 before its file is parsed): many
 * tabs or users cannot make the server parse the same business's files in parallel, and a
 * preview never reads books that a running import is changing.
 */
export async function withImportLock<T>(caller: Caller, businessId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(
    async (tx) => {
      await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
      await lockBusinessImport(tx, businessId);
      return work(tx);
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}

/** The preview of a table of rows (a CSV file's, or e-invoices'): nothing written. */
export async function previewTable(
  tx: Tx,
  businessId: string,
  table: CsvTable,
  mapping: ImportMapping,
  errorRows: ParsedRow[] = [],
): Promise<ImportPreview> {
  const { preview, parsed } = await previewRows(
    table,
    mapping,
    await existingNumbers(tx, businessId, numbersOf(table, mapping)),
    errorRows,
  );
  await adviseNewRows(
    tx,
    businessId,
    preview,
    parsed.filter((row) => row.status === "new" && row.input && !row.deletedAt).map((row) => ({ line: row.line, input: row.input! })),
  );
  preview.warnings = await implausibleTotals(tx, businessId, table, mapping, parsed);
  return preview;
}

/** Ten times the largest year, or how amounts read in cents would look. */
const IMPLAUSIBLE_FACTOR = 10;

/**
 * Reasons to doubt the file's amounts before anything is stored: a year of the file more
 * than ten times the business's largest year so far, or whole numbers that read as euros
 * make a year far above the KOR limit (or sit in a column called cents) — cents read as euros.
 */
async function implausibleTotals(
  client: Tx,
  businessId: string,
  table: CsvTable,
  mapping: ImportMapping,
  parsed: ParsedRow[],
): Promise<ImportWarning[]> {
  const warnings: ImportWarning[] = [];
  const fresh = parsed.filter((row) => row.status === "new" && row.input && !row.deletedAt);
  if (fresh.length === 0) return warnings;
  const byYear = new Map<number, number>();
  let fileNetCents = 0;
  for (const row of fresh) {
    const year = Number(row.input!.date.slice(0, 4));
    byYear.set(year, (byYear.get(year) ?? 0) + row.input!.netCents);
    fileNetCents += row.input!.netCents;
  }
  const [fileYear, fileYearNetCents] = [...byYear.entries()].sort((a, b) => b[1] - a[1])[0]!;

  const euroColumns = (["netAmount", "vatAmount", "grossAmount"] as const)
    .map((field) => mapping.columns[field])
    .filter((c): c is string => !!c);
  const indexes = euroColumns.map((column) => table.headers.indexOf(column)).filter((i) => i >= 0);
  const lines = new Set(fresh.map((row) => row.line));
  let wholeNumbersOnly = indexes.length > 0;
  for (let i = 0; i < table.rows.length && wholeNumbersOnly; i++) {
    if (!lines.has(i + 2)) continue;
    for (const index of indexes) {
      const cell = (table.rows[i]![index] ?? "").trim();
      if (cell !== "" && !/^-?\d+$/.test(cell)) wholeNumbersOnly = false;
    }
  }
  const namedCents = euroColumns.some((column) => /cent/i.test(column));
  const farAboveLimit = fileYearNetCents > IMPLAUSIBLE_FACTOR * rulesFor(fileYear).korLimitCents;
  if (wholeNumbersOnly && (namedCents || farAboveLimit)) {
    warnings.push({ code: "looksLikeCents", fileNetCents, centsReadingNetCents: Math.round(fileNetCents / 100) });
  }

  const [largest] = await client.$queryRawUnsafe<{ year: number; net: string }[]>(
    `SELECT extract(year FROM "date")::int AS "year", sum("netCents")::text AS "net" FROM "Invoice"
      WHERE "businessId" = $1::uuid AND "deletedAt" IS NULL GROUP BY 1 ORDER BY sum("netCents") DESC LIMIT 1`,
    businessId,
  );
  const largestYearNetCents = largest ? Number(largest.net) : 0;
  if (largest && largestYearNetCents > 0 && fileYearNetCents > IMPLAUSIBLE_FACTOR * largestYearNetCents) {
    warnings.push({ code: "tenTimesLargestYear", year: fileYear, fileYearNetCents, largestYear: largest.year, largestYearNetCents });
  }
  return warnings;
}

/** Each new row's VAT advice, the rows placed in the books together (they may cross with each other). */
async function adviseNewRows(
  client: Tx,
  businessId: string,
  preview: ImportPreview,
  fresh: { line: number; input: InvoiceInput }[],
): Promise<void> {
  if (fresh.length === 0) return;
  const books = await loadEngineInput({ businessId, asOf: amsterdamToday(), client });
  const advice = adviseVat(
    books,
    fresh.map(({ input }) => ({
      date: input.date,
      category: input.category,
      netCents: input.netCents,
      vatCents: input.vatCents,
      ...(input.sequence !== null ? { sequence: input.sequence } : {}),
      ...(input.country ? { country: input.country } : {}),
      ...(input.ancillary ? { ancillary: true } : {}),
    })),
    { sameDay: false },
  );
  const byLine = new Map(fresh.map(({ line, input }, i) => [line, { input, advice: advice[i]! }]));
  let missingVat = 0;
  for (const row of preview.rows) {
    const found = byLine.get(row.line);
    if (!found) continue;
    const { advice: a, input } = found;
    const missing = a.mustChargeVat && input.vatCents === 0 && input.netCents > 0;
    if (missing) missingVat++;
    row.vat = {
      status: a.status,
      mustChargeVat: a.mustChargeVat,
      ratePercent: a.ratePercent,
      reason: a.reason,
      missingVat: missing,
      remediation: a.remediation,
    };
  }
  preview.summary.missingVat = missingVat;
}

/** One import per business at a time: a second one gets 409 while the first runs. */
async function lockBusinessImport(tx: Tx, businessId: string): Promise<void> {
  const [row] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
    `SELECT pg_try_advisory_xact_lock(hashtext('drempel.invoice-import'), hashtext($1)) AS "locked"`,
    businessId,
  );
  if (!row?.locked)
    throw new AppError("CONFLICT", "An import of this business is already running", { fields: { file: "validation.importRunning" } });
}

/** Credit notes of the file point at the invoice they credit (in the file or registered before). */
async function linkCreditNotes(tx: Tx, businessId: string, links: { number: string; credits: string }[]): Promise<void> {
  if (links.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "Invoice" AS c SET "creditsInvoiceId" = o."id"
       FROM jsonb_to_recordset($2::jsonb) AS t(number text, credits text), "Invoice" AS o
      WHERE c."businessId" = $1::uuid AND c."number" = t.number AND o."businessId" = $1::uuid AND o."number" = t.credits`,
    businessId,
    JSON.stringify(links),
  );
}

export async function commitImport(options: ImportOptions & { onProgress?: (progress: ImportProgress) => void }): Promise<ImportResult> {
  const { caller, businessId } = options;
  const report = options.onProgress ?? (() => undefined);
  // An outsider is refused before a byte of the file is parsed.
  await requireBusinessAccess({ caller, businessId, need: "write" });
  return withImportLock(caller, businessId, async (tx) => {
    const table = await readCsv(options.csv);
    report({ phase: "checking", total: table.rows.length });
    const mapping = await resolveMapping(tx, businessId, table.headers, options.mapping);
    assertMapped(mapping);
    const result = await commitTable(tx, { caller, businessId, table, mapping, report });
    await tx.business.update({ where: { id: businessId }, data: { importMapping: rememberable(mapping) } });
    return { ...result, mapping };
  });
}

/** Saves a table's new rows, all or nothing: any row with an error or without a category refuses the whole table. */
export async function commitTable(
  tx: Tx,
  options: {
    caller: Caller;
    businessId: string;
    table: CsvTable;
    mapping: ImportMapping;
    errorRows?: ParsedRow[];
    report: (progress: ImportProgress) => void;
  },
): Promise<{ created: number; skipped: number; total: number }> {
  const { caller, businessId, table, mapping, report } = options;
  const { parsed, preview } = await previewRows(
    table,
    mapping,
    await existingNumbers(tx, businessId, numbersOf(table, mapping)),
    options.errorRows ?? [],
  );
  if (preview.summary.errors > 0 || preview.summary.review > 0) {
    const fields: Record<string, string> = {};
    for (const row of parsed.filter((r) => r.status === "error" || r.status === "review").slice(0, 200)) {
      if (row.status === "review") fields[`rows.${row.line}.category`] = "validation.categoryNeedsReview";
      for (const [field, message] of Object.entries(row.errors)) fields[`rows.${row.line}.${field}`] = message;
    }
    throw new AppError(
      "VALIDATION_FAILED",
      `${preview.summary.errors + preview.summary.review} rows have errors or need a category; nothing was imported`,
      { fields },
    );
  }
  const fresh = parsed.filter((row) => row.status === "new" && row.input);
  let created = 0;
  report({ phase: "saving", done: 0, total: fresh.length });
  for (let i = 0; i < fresh.length; i += CHUNK) {
    const chunk = fresh.slice(i, i + CHUNK).map((row) => ({ input: row.input!, line: row.line, deletedAt: row.deletedAt }));
    created += (await insertInvoicesBulk(tx, { businessId, actorId: caller.userId, rows: chunk })).length;
    report({ phase: "saving", done: Math.min(i + CHUNK, fresh.length), total: fresh.length });
  }
  await linkCreditNotes(
    tx,
    businessId,
    fresh.filter((row) => row.creditsNumber).map((row) => ({ number: row.input!.number, credits: row.creditsNumber! })),
  );
  report({ phase: "committing", total: fresh.length });
  if (created > 0) await enqueueEvaluation(tx, businessId);
  return { created, skipped: preview.summary.total - created, total: preview.summary.total };
}

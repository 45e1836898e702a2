// The CSV import: preview (nothing written) and commit (all or nothing, in one
// transaction; rows whose invoice number is already registered are skipped, so the same
// file imported twice adds nothing). The mapping is remembered per business.
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireBusinessAccess, type Caller } from "@/lib/businesses/access";
import { hasInvalidText, parseOrThrow } from "@/lib/validation";
import { insertInvoicesBulk } from "@/lib/invoices/import/insert-invoices-bulk";
import { importMappingSchema, type ImportMapping, type ImportPreview } from "@/lib/invoices/import/import.types";
import { previewRows } from "@/lib/invoices/import/preview-import";
import { readCsv, suggestMapping } from "@/lib/invoices/import/read-csv";
import { enqueueEvaluation } from "@/lib/jobs/enqueue-evaluation";
import { amsterdamToday } from "@/lib/dates/amsterdam-today";
import { adviseVat } from "@/lib/kor/vat-advice";
import type { InvoiceInput } from "@/lib/invoices/invoice.types";
import { loadEngineInput } from "@/lib/turnover/load-engine-input";

type ImportOptions = { caller: Caller; businessId: string; csv: string; mapping?: unknown };

/** Where a commit stands: rows checked, then saved chunk by chunk, then committed. */
export type ImportProgress =
  | { phase: "checking"; total: number }
  | { phase: "saving"; done: number; total: number }
  | { phase: "committing"; total: number };

export type ImportResult = { created: number; skipped: number; total: number; mapping: ImportMapping };

const CHUNK = 5_000;

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
  if (!mapping.columns.netAmount && !mapping.columns.grossAmount) missing["mapping.netAmount"] = "validation.columnRequired";
  if (Object.keys(missing).length) throw new AppError("VALIDATION_FAILED", "Columns not mapped", { fields: missing });
}

export async function previewImport(options: ImportOptions): Promise<ImportPreview> {
  const { caller, businessId } = options;
  await requireBusinessAccess({ caller, businessId, need: "write" });
  const table = readCsv(options.csv);
  const client = db();
  const mapping = await resolveMapping(client, businessId, table.headers, options.mapping);
  const numbers = table.rows.map((row) => row[table.headers.indexOf(mapping.columns.number ?? "")]?.trim() ?? "").filter(Boolean);
  const { preview, parsed } = previewRows(table, mapping, await existingNumbers(client, businessId, numbers));
  await adviseNewRows(businessId, preview, parsed.filter((row) => row.status === "new" && row.input).map((row) => ({ line: row.line, input: row.input! })));
  return preview;
}

/** Each new row's VAT advice, the rows placed in the books together (they may cross with each other). */
async function adviseNewRows(businessId: string, preview: ImportPreview, fresh: { line: number; input: InvoiceInput }[]): Promise<void> {
  if (fresh.length === 0) return;
  const books = await loadEngineInput({ businessId, asOf: amsterdamToday() });
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
  );
  const byLine = new Map(fresh.map(({ line, input }, i) => [line, { input, advice: advice[i]! }]));
  let missingVat = 0;
  for (const row of preview.rows) {
    const found = byLine.get(row.line);
    if (!found) continue;
    const { advice: a, input } = found;
    const missing = a.mustChargeVat && input.vatCents === 0 && input.netCents > 0;
    if (missing) missingVat++;
    row.vat = { status: a.status, mustChargeVat: a.mustChargeVat, ratePercent: a.ratePercent, reason: a.reason, missingVat: missing, remediation: a.remediation };
  }
  preview.summary.missingVat = missingVat;
}

export async function commitImport(options: ImportOptions & { onProgress?: (progress: ImportProgress) => void }): Promise<ImportResult> {
  const { caller, businessId } = options;
  const report = options.onProgress ?? (() => undefined);
  const table = readCsv(options.csv);
  report({ phase: "checking", total: table.rows.length });
  return db().$transaction(
    async (tx) => {
      await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
      const mapping = await resolveMapping(tx, businessId, table.headers, options.mapping);
      assertMapped(mapping);
      const numbers = table.rows.map((row) => row[table.headers.indexOf(mapping.columns.number!)]?.trim() ?? "").filter(Boolean);
      const { parsed, preview } = previewRows(table, mapping, await existingNumbers(tx, businessId, numbers));
      if (preview.summary.errors > 0) {
        const fields: Record<string, string> = {};
        for (const row of parsed.filter((r) => r.status === "error").slice(0, 200)) {
          for (const [field, message] of Object.entries(row.errors)) fields[`rows.${row.line}.${field}`] = message;
        }
        throw new AppError("VALIDATION_FAILED", `${preview.summary.errors} rows have errors; nothing was imported`, { fields });
      }
      const fresh = parsed.filter((row) => row.status === "new" && row.input);
      let created = 0;
      report({ phase: "saving", done: 0, total: fresh.length });
      for (let i = 0; i < fresh.length; i += CHUNK) {
        const chunk = fresh.slice(i, i + CHUNK).map((row) => ({ input: row.input!, line: row.line }));
        created += (await insertInvoicesBulk(tx, { businessId, actorId: caller.userId, rows: chunk })).length;
        report({ phase: "saving", done: Math.min(i + CHUNK, fresh.length), total: fresh.length });
      }
      report({ phase: "committing", total: fresh.length });
      await tx.business.update({ where: { id: businessId }, data: { importMapping: mapping as Prisma.InputJsonValue } });
      if (created > 0) await enqueueEvaluation(tx, businessId);
      return { created, skipped: preview.summary.total - created, total: preview.summary.total, mapping };
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}

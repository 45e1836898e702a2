// The purchase e-invoice import (UBL 2.1 Invoice and CreditNote received by the business;
// one XML file or a zip of many): each document read by the sales import's reader
// (readUpload, readUbl) and mapped to purchases (purchase-ubl-rows.ts), shown as the same
// preview as the other imports (rows new / existing / review / error), then committed all
// or nothing under the same per-business import lock. A purchase is the same document when
// its supplier (VAT number, else name) and reference match one in the books or earlier in
// the upload: importing the same documents again adds nothing. A credit note is linked
// (creditsPurchaseId) to the invoice its BillingReference names when that supplier's invoice
// with the number is in the books or the upload; else it is imported unlinked with a note.
import { z } from "zod";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import type { Tx } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { withImportLock, type ImportProgress } from "@/lib/features/invoices/import/import-invoices";
import type { ImportPreview, PreviewRow } from "@/lib/features/invoices/import/import.types";
import { yieldToEventLoop } from "@/lib/features/invoices/import/read-csv";
import { readUbl } from "@/lib/features/invoices/import/ubl/read-ubl";
import { readUpload } from "@/lib/features/invoices/import/ubl/read-upload";
import { fieldErrors, hasInvalidText, invalidTextFields, parseOrThrow } from "@/lib/platform/validation";
import { isInvestmentCategory, PURCHASE_CATEGORIES, purchaseInputSchema, type PurchaseInput } from "./purchase.types";
import { PURCHASE_VAT_CHOICES, purchaseCandidate, purchaseUblRows, type PurchaseVatChoice } from "./purchase-ubl-rows";
import { insertPurchase, purchaseColumns } from "./save-purchase";

const choice = z.enum(PURCHASE_VAT_CHOICES, "validation.vatTreatment");
/** The user's treatment and rate for parts that need review: by line, or for a review group (a line's own choice wins). */
export const purchaseEInvoiceChoicesSchema = z
  .object({
    rowCategories: z.record(z.string().regex(/^\d{1,7}$/, "validation.invalid"), choice).optional(),
    groupCategories: z.record(z.string().max(40, "validation.tooLong"), choice).optional(),
    /** The purchase category per line (default COSTS): an investment good also enters the herziening planner. */
    rowPurchaseCategories: z
      .record(z.string().regex(/^\d{1,7}$/, "validation.invalid"), z.enum(PURCHASE_CATEGORIES, "validation.purchaseCategory"))
      .optional(),
  })
  .strict();
export type PurchaseEInvoiceChoices = z.infer<typeof purchaseEInvoiceChoicesSchema>;

/** Purchases per INSERT. */
const CHUNK = 500;

type Options = { caller: Caller; businessId: string; body: Uint8Array; fileName?: string; choices?: unknown };
export type PurchaseEInvoiceResult = { created: number; skipped: number; total: number };

/** The purchase schema's paths as the preview's field names. */
const FIELD_OF_PATH: Record<string, string> = {
  "supplier.name": "supplierName",
  "supplier.country": "supplierCountry",
  "supplier.vatId": "supplierVatId",
};

type Stored = {
  id: string;
  reference: string | null;
  supplierName: string;
  supplierVatId: string | null;
  documentKind: "INVOICE" | "RECEIPT";
  netCents: number;
};
const vatCore = (id: string | null | undefined) => (id ? id.toUpperCase().replace(/[\s.-]/g, "") : "");
const nameKey = (name: string) => name.trim().toLowerCase();

/** Same supplier: the same VAT number; or the same name where one side has no VAT number. */
export function sameSupplier(a: { name: string; vatId: string | null | undefined }, b: { name: string; vatId: string | null | undefined }) {
  const vatA = vatCore(a.vatId);
  const vatB = vatCore(b.vatId);
  if (vatA && vatB) return vatA === vatB;
  return nameKey(a.name) === nameKey(b.name);
}

async function storedPurchases(tx: Tx, businessId: string, references: string[]): Promise<Stored[]> {
  const wanted = [...new Set(references.filter((reference) => reference && !hasInvalidText(reference)))];
  if (wanted.length === 0) return [];
  return tx.$queryRawUnsafe<Stored[]>(
    `SELECT "id"::text AS "id", "reference", "supplierName", "supplierVatId", "documentKind"::text AS "documentKind", "netCents" FROM "Purchase"
      WHERE "businessId" = $1::uuid AND ("reference" IN (SELECT jsonb_array_elements_text($2::jsonb))
         OR split_part("reference", '/', 1) IN (SELECT jsonb_array_elements_text($2::jsonb)))`,
    businessId,
    JSON.stringify(wanted),
  );
}

/**
 * Which purchase a credit note corrects: an invoice (positive) of the same supplier whose
 * number is the credited one; of an invoice split per VAT category, the part of the credit's
 * own category, else its first part.
 */
function creditedOf<T extends { reference: string; name: string; vatId: string | null | undefined }>(
  candidates: T[],
  part: { reference: string; creditsReference: string | null; supplier: { name: string; vatId: string | null | undefined } },
): T | undefined {
  const wanted = part.creditsReference;
  if (!wanted) return undefined;
  const mine = candidates.filter((candidate) => candidate.reference.split("/")[0] === wanted && sameSupplier(candidate, part.supplier));
  const suffix = part.reference.includes("/") ? part.reference.slice(part.reference.indexOf("/")) : "";
  return (
    mine.find((candidate) => candidate.reference === wanted) ??
    mine.find((candidate) => candidate.reference === `${wanted}${suffix}`) ??
    mine[0]
  );
}

/** A credit note of the upload whose invoice is in the same upload: linked once both are written. */
type PendingLink = { creditReference: string; invoiceReference: string; supplier: { name: string; vatId: string | null | undefined } };

type Built = { preview: ImportPreview; inputs: PurchaseInput[]; pending: PendingLink[] };

async function buildPreview(tx: Tx, options: Options): Promise<Built> {
  const { businessId } = options;
  const upload = await readUpload(options.body, options.fileName);
  const choices = parseOrThrow(purchaseEInvoiceChoicesSchema, options.choices ?? {});
  const buyer = await tx.business.findUniqueOrThrow({ where: { id: businessId }, select: { vatNumber: true, kvkNumber: true } });

  const rows: PreviewRow[] = [];
  const documents: { source: string; result: ReturnType<typeof purchaseUblRows> }[] = [];
  for (const [i, file] of upload.documents.entries()) {
    if (i > 0 && i % 20 === 0) await yieldToEventLoop();
    const read = file.text === null ? ({ ok: false, error: "importEInvoices.errors.notUtf8" } as const) : readUbl(file.text);
    documents.push({
      source: file.name,
      result: read.ok
        ? purchaseUblRows(read.document, buyer)
        : { ok: false, errors: { file: read.error }, number: null, date: null, supplierName: null },
    });
  }
  const numbers = documents.flatMap(({ result }) => (result.ok ? [result.number, ...result.parts.map((part) => part.reference)] : []));
  const credited = documents.flatMap(({ result }) => (result.ok ? result.references : []));
  const stored = await storedPurchases(tx, businessId, [...numbers, ...credited]);
  const seen: { reference: string; name: string; vatId: string | null | undefined }[] = stored.flatMap((row) =>
    row.reference ? [{ reference: row.reference, name: row.supplierName, vatId: row.supplierVatId }] : [],
  );
  // The invoices a credit note may name: those in the books, and those of this upload.
  const invoicesInBooks = stored.flatMap((row) =>
    row.reference && row.documentKind === "INVOICE" && row.netCents > 0
      ? [{ id: row.id, reference: row.reference, name: row.supplierName, vatId: row.supplierVatId }]
      : [],
  );
  const invoicesInUpload = documents.flatMap(({ result }) =>
    result.ok
      ? result.parts
          .filter((part) => part.netCents > 0)
          .map((part) => ({ reference: part.reference, name: part.supplier.name, vatId: part.supplier.vatId }))
      : [],
  );
  const pending: PendingLink[] = [];

  const inputs: PurchaseInput[] = [];
  let line = 0;
  for (const { source, result } of documents) {
    if (!result.ok) {
      line++;
      rows.push({
        line,
        number: result.number,
        date: result.date,
        customerName: result.supplierName,
        netCents: null,
        vatCents: null,
        category: null,
        status: "error",
        errors: result.errors,
        countsForKor: null,
        source,
      });
      continue;
    }
    for (const part of result.parts) {
      line++;
      // A credit note is linked to its supplier's invoice with the number it names; when the
      // business has none, it is imported unlinked with a note to look at it.
      const inBooks = creditedOf(invoicesInBooks, part);
      const inUpload = inBooks ? undefined : creditedOf(invoicesInUpload, part);
      const linked = !part.creditsReference || inBooks !== undefined || inUpload !== undefined;
      const notes = [...part.notes, ...(linked ? [] : ["purchases.eInvoices.notes.referenceNotFound"])];
      const group = "group" in part.derived ? part.derived.group : undefined;
      const purchaseCategory = choices.rowPurchaseCategories?.[String(line)] ?? "COSTS";
      const chosen: PurchaseVatChoice | undefined =
        choices.rowCategories?.[String(line)] ??
        (group ? choices.groupCategories?.[group] : undefined) ??
        ("choice" in part.derived ? part.derived.choice : undefined);
      const row: PreviewRow = {
        line,
        number: part.reference,
        date: part.date,
        customerName: part.supplier.name,
        netCents: part.netCents,
        vatCents: part.vatCents,
        category: chosen ?? null,
        purchaseCategory,
        status: "new",
        ...(group ? { reviewGroup: group } : {}),
        errors: {},
        countsForKor: null,
        source,
        ...("reason" in part.derived ? { notes: [part.derived.reason, ...notes] } : notes.length ? { notes } : {}),
      };
      rows.push(row);
      // A document imported before needs no treatment again: it is simply there.
      if (seen.some((other) => other.reference === part.reference && sameSupplier(other, part.supplier))) {
        row.status = "existing";
        continue;
      }
      if (!chosen) {
        row.status = "review";
        continue;
      }
      const candidate = {
        ...purchaseCandidate(part, chosen),
        ...(purchaseCategory !== "COSTS" ? { category: purchaseCategory } : {}),
        ...(inBooks ? { creditsPurchaseId: inBooks.id } : {}),
      };
      // A character no text may hold (NUL, control characters) is refused as parseOrThrow would.
      const parsed = purchaseInputSchema.safeParse(candidate);
      const problems = { ...invalidTextFields(candidate), ...(parsed.success ? {} : fieldErrors(parsed.error)) };
      if (!parsed.success || Object.keys(problems).length) {
        row.status = "error";
        for (const [path, message] of Object.entries(problems)) row.errors[FIELD_OF_PATH[path] ?? path] ??= message;
        continue;
      }
      row.netCents = parsed.data.netCents;
      row.vatCents = parsed.data.vatCents;
      seen.push({ reference: part.reference, name: part.supplier.name, vatId: part.supplier.vatId });
      inputs.push(parsed.data);
      if (inUpload) pending.push({ creditReference: part.reference, invoiceReference: inUpload.reference, supplier: part.supplier });
    }
  }

  const count = (status: PreviewRow["status"]) => rows.filter((row) => row.status === status).length;
  const preview: ImportPreview = {
    headers: [],
    mapping: { columns: {}, defaultCategory: "NL_STANDARD" },
    rows,
    summary: {
      total: rows.length,
      new: count("new"),
      existing: count("existing"),
      errors: count("error"),
      review: count("review"),
      newNetCents: inputs.reduce((sum, input) => sum + input.netCents, 0),
      newKorCents: 0,
      newVatCents: inputs.reduce((sum, input) => sum + input.vatCents, 0),
      deleted: 0,
    },
    warnings: upload.skippedFiles > 0 ? [{ code: "skippedFiles", count: upload.skippedFiles }] : [],
  };
  return { preview, inputs, pending };
}

/** Links the credit notes of the upload to their invoices of the same upload, now both are written. */
async function linkPending(tx: Tx, businessId: string, pending: PendingLink[]) {
  if (pending.length === 0) return;
  const references = [...new Set(pending.flatMap((link) => [link.creditReference, link.invoiceReference]))];
  const rows = await tx.purchase.findMany({
    where: { businessId, reference: { in: references } },
    select: { id: true, reference: true, supplierName: true, supplierVatId: true, netCents: true },
  });
  const find = (reference: string, supplier: PendingLink["supplier"], credit: boolean) =>
    rows.find(
      (row) =>
        row.reference === reference &&
        (credit ? row.netCents < 0 : row.netCents > 0) &&
        sameSupplier({ name: row.supplierName, vatId: row.supplierVatId }, supplier),
    );
  for (const link of pending) {
    const credit = find(link.creditReference, link.supplier, true);
    const invoice = find(link.invoiceReference, link.supplier, false);
    if (credit && invoice) await tx.purchase.update({ where: { id: credit.id }, data: { creditsPurchaseId: invoice.id } });
  }
}

/** The preview: nothing written; one preview or import per business at a time (409). */
export async function previewPurchaseEInvoiceImport(options: Options): Promise<ImportPreview> {
  const { caller, businessId } = options;
  await requireBusinessAccess({ caller, businessId, need: "write" });
  return withImportLock(caller, businessId, async (tx) => (await buildPreview(tx, options)).preview);
}

/** All new purchases in one transaction, or nothing while any row has an error or waits for review. */
export async function commitPurchaseEInvoiceImport(
  options: Options & { onProgress?: (progress: ImportProgress) => void },
): Promise<PurchaseEInvoiceResult> {
  const { caller, businessId } = options;
  const report = options.onProgress ?? (() => undefined);
  await requireBusinessAccess({ caller, businessId, need: "write" });
  return withImportLock(caller, businessId, async (tx) => {
    const { preview, inputs, pending } = await buildPreview(tx, options);
    report({ phase: "checking", total: preview.rows.length });
    const fields: Record<string, string> = {};
    for (const row of preview.rows) {
      if (row.status === "review") fields[`rows.${row.line}.vatTreatment`] = "validation.categoryNeedsReview";
      for (const [field, message] of Object.entries(row.errors)) fields[`rows.${row.line}.${field}`] = message;
    }
    if (Object.keys(fields).length)
      throw new AppError("VALIDATION_FAILED", "Some documents cannot be imported; nothing was imported", { fields });
    // An investment good the user chose in the preview is registered in the herziening planner
    // as the purchase form does (insertPurchase); the other rows go in with one statement per
    // chunk rather than one per purchase.
    const goods = inputs.filter((data) => isInvestmentCategory(data.category));
    const plain = inputs.filter((data) => !isInvestmentCategory(data.category));
    for (const data of goods) await insertPurchase(tx, { businessId, userId: caller.userId, data, audit: false });
    for (let at = 0; at < plain.length; at += CHUNK) {
      const chunk = plain.slice(at, at + CHUNK);
      await tx.purchase.createMany({ data: chunk.map((data) => ({ businessId, ...purchaseColumns(data), createdById: caller.userId })) });
      report({ phase: "saving", done: goods.length + at + chunk.length, total: inputs.length });
    }
    await linkPending(tx, businessId, pending);
    report({ phase: "committing", total: inputs.length });
    const result = { created: inputs.length, skipped: preview.summary.existing, total: preview.rows.length };
    if (inputs.length > 0)
      await writeAuditLog(tx, {
        businessId,
        actorId: caller.userId,
        action: "purchase.import",
        entityType: "Purchase",
        after: { ...result, source: "e-invoices" },
      });
    return result;
  });
}

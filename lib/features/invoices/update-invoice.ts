// Changes an invoice: the patch is merged into the stored invoice and the whole is
// validated again, so a PATCH can never leave an invoice the form would refuse.
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { parsePatchOrThrow } from "@/lib/platform/validation";
import { invoiceInputSchema, invoicePatchSchema } from "@/lib/features/invoices/invoice.types";
import { invoiceColumns, toInvoiceDto, toInvoiceInput, type InvoiceDto } from "@/lib/features/invoices/invoice-dto";
import { assertCreditTarget, withNumberCheck } from "@/lib/features/invoices/save-invoice";
import { findInvoiceOfBusiness } from "@/lib/features/invoices/get-invoice";
import { enqueueEvaluation } from "@/lib/platform/jobs/enqueue-evaluation";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export async function updateInvoice(options: {
  caller: Caller;
  businessId: string;
  invoiceId: string;
  patch: unknown;
}): Promise<InvoiceDto> {
  const { caller, businessId, invoiceId, patch } = options;
  if (!isPlainObject(patch)) throw new AppError("VALIDATION_FAILED", "Expected an object", { fields: { _: "validation.object" } });
  return withNumberCheck(() =>
    db().$transaction(async (tx) => {
      await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
      const existing = await findInvoiceOfBusiness(tx, businessId, invoiceId);
      if (existing.deletedAt) throw new AppError("NOT_FOUND", "Invoice not found");
      const before = toInvoiceDto(existing);
      const current = toInvoiceInput(before);
      const merged = {
        ...current,
        ...patch,
        customer: isPlainObject(patch.customer)
          ? { ...(current.customer as object), ...patch.customer }
          : (patch.customer ?? current.customer),
      };
      // The patch as the API document shows it, and the whole it makes (after access: an
      // outsider learns nothing from a 400).
      const input = parsePatchOrThrow({ patchSchema: invoicePatchSchema, patch, schema: invoiceInputSchema, merged });
      await assertCreditTarget(tx, businessId, input, invoiceId);
      const invoice = await tx.invoice.update({ where: { id: invoiceId }, data: invoiceColumns(input) });
      const after = toInvoiceDto(invoice);
      await writeAuditLog(tx, {
        businessId,
        actorId: caller.userId,
        action: "invoice.update",
        entityType: "Invoice",
        entityId: invoiceId,
        before,
        after,
      });
      await enqueueEvaluation(tx, businessId);
      return after;
    }),
  );
}

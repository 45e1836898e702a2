// Soft delete with undo: a deleted invoice stops counting but keeps its number and history.
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { toInvoiceDto, type InvoiceDto } from "@/lib/features/invoices/invoice-dto";
import { findInvoiceOfBusiness } from "@/lib/features/invoices/get-invoice";
import { enqueueEvaluation } from "@/lib/platform/jobs/enqueue-evaluation";

type Options = { caller: Caller; businessId: string; invoiceId: string };

export async function deleteInvoice(options: Options): Promise<InvoiceDto> {
  return setDeleted(options, true);
}

export async function restoreInvoice(options: Options): Promise<InvoiceDto> {
  return setDeleted(options, false);
}

async function setDeleted({ caller, businessId, invoiceId }: Options, deleted: boolean): Promise<InvoiceDto> {
  return db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
    const existing = await findInvoiceOfBusiness(tx, businessId, invoiceId);
    if (Boolean(existing.deletedAt) === deleted) {
      if (deleted) throw new AppError("NOT_FOUND", "Invoice not found");
      return toInvoiceDto(existing);
    }
    const invoice = await tx.invoice.update({ where: { id: invoiceId }, data: { deletedAt: deleted ? new Date() : null } });
    const before = toInvoiceDto(existing);
    const after = toInvoiceDto(invoice);
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: deleted ? "invoice.delete" : "invoice.restore",
      entityType: "Invoice",
      entityId: invoiceId,
      before,
      after,
    });
    await enqueueEvaluation(tx, businessId);
    return after;
  });
}

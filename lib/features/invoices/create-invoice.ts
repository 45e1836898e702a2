// Registers one invoice (or cash sale, advance payment, credit note) and audits it.
import { db, type Tx } from "@/lib/platform/db/client";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { parseOrThrow } from "@/lib/platform/validation";
import { invoiceInputSchema } from "@/lib/features/invoices/invoice.types";
import { invoiceColumns, toInvoiceDto, type InvoiceDto } from "@/lib/features/invoices/invoice-dto";
import { assertCreditTarget, withNumberCheck } from "@/lib/features/invoices/save-invoice";
import { enqueueEvaluation } from "@/lib/platform/jobs/enqueue-evaluation";

export async function createInvoice(options: { caller: Caller; businessId: string; input: unknown; client?: Tx }): Promise<InvoiceDto> {
  const { caller, businessId } = options;
  const input = parseOrThrow(invoiceInputSchema, options.input);
  const work = async (tx: Tx) => {
    await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
    await assertCreditTarget(tx, businessId, input);
    const invoice = await tx.invoice.create({ data: { ...invoiceColumns(input), businessId, createdById: caller.userId } });
    const dto = toInvoiceDto(invoice);
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "invoice.create",
      entityType: "Invoice",
      entityId: invoice.id,
      after: dto,
    });
    await enqueueEvaluation(tx, businessId);
    return dto;
  };
  return withNumberCheck(() => (options.client ? work(options.client) : db().$transaction(work)));
}

// Registers one invoice (or cash sale, advance payment, credit note) and audits it.
import { db, type Tx } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/businesses/access";
import { parseOrThrow } from "@/lib/validation";
import { invoiceInputSchema } from "@/lib/invoices/invoice.types";
import { invoiceColumns, toInvoiceDto, type InvoiceDto } from "@/lib/invoices/invoice-dto";
import { assertCreditTarget, withNumberCheck } from "@/lib/invoices/save-invoice";
import { enqueueEvaluation } from "@/lib/jobs/enqueue-evaluation";

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

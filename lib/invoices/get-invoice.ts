// One invoice of a business the caller may see; another business's id is "not found".
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { requireBusinessAccess, type Caller } from "@/lib/businesses/access";
import { toInvoiceDto, type InvoiceDto } from "@/lib/invoices/invoice-dto";

const uuid = z.uuid();

export async function findInvoiceOfBusiness(tx: Tx, businessId: string, invoiceId: string) {
  if (!uuid.safeParse(invoiceId).success) throw new AppError("NOT_FOUND", "Invoice not found");
  const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, businessId } });
  if (!invoice) throw new AppError("NOT_FOUND", "Invoice not found");
  return invoice;
}

export async function getInvoice(options: { caller: Caller; businessId: string; invoiceId: string; includeDeleted?: boolean }): Promise<InvoiceDto> {
  await requireBusinessAccess({ ...options, need: "read" });
  const invoice = await findInvoiceOfBusiness(db(), options.businessId, options.invoiceId);
  if (invoice.deletedAt && !options.includeDeleted) throw new AppError("NOT_FOUND", "Invoice not found");
  return toInvoiceDto(invoice);
}

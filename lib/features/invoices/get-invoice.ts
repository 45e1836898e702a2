// One invoice of a business the caller may see; another business's id is "not found".
import { z } from "zod";
import type { Tx } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { requireBusinessAccessWithVersion, type Caller } from "@/lib/features/businesses/access";
import type { InvoiceDto } from "@/lib/features/invoices/invoice-dto";
import { invoiceDtoSql } from "@/lib/features/invoices/invoice-query";

const uuid = z.uuid();

export async function findInvoiceOfBusiness(tx: Tx, businessId: string, invoiceId: string) {
  if (!uuid.safeParse(invoiceId).success) throw new AppError("NOT_FOUND", "Invoice not found");
  const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, businessId } });
  if (!invoice) throw new AppError("NOT_FOUND", "Invoice not found");
  return invoice;
}

/** The gate and the invoice in one statement (invoice-query.ts builds the DTO). */
export async function getInvoice(options: {
  caller: Caller;
  businessId: string;
  invoiceId: string;
  includeDeleted?: boolean;
}): Promise<InvoiceDto> {
  const { caller, businessId, invoiceId } = options;
  const validId = uuid.safeParse(invoiceId).success;
  const { alongside } = await requireBusinessAccessWithVersion({
    caller,
    businessId,
    need: "read",
    alongside: validId ? invoiceDtoSql(businessId, invoiceId, { includeDeleted: options.includeDeleted ?? false }) : undefined,
  });
  if (!alongside) throw new AppError("NOT_FOUND", "Invoice not found");
  return JSON.parse(alongside) as InvoiceDto;
}

// Shared by create and update: the checks that need the database (unique number per
// business, the corrected invoice belongs to the same business) and the write itself.
import type { Tx } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { Prisma } from "@/lib/platform/db/generated/prisma/client";
import type { InvoiceInput } from "@/lib/features/invoices/invoice.types";

export async function assertCreditTarget(tx: Tx, businessId: string, input: InvoiceInput, selfId?: string): Promise<void> {
  if (!input.creditsInvoiceId) return;
  const target = await tx.invoice.findFirst({ where: { id: input.creditsInvoiceId, businessId, deletedAt: null } });
  if (!target || target.id === selfId) {
    throw new AppError("VALIDATION_FAILED", "Unknown invoice", { fields: { creditsInvoiceId: "validation.creditsInvoice" } });
  }
}

/** Turns the unique (businessId, number) violation into a field message. */
export async function withNumberCheck<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Invoice number taken", { fields: { number: "validation.numberTaken" } });
    }
    throw error;
  }
}

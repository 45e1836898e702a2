// What the new and edit pages load for the invoice form: the invoices a credit note may
// correct (the latest 200 of every year), today's date in Amsterdam, and the VAT advice
// for the form's first values (so it shows before the first keystroke).
import type { Caller } from "@/lib/features/businesses/access";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import type { InvoiceDto } from "@/lib/features/invoices/invoice-dto";
import { listInvoices } from "@/lib/features/invoices/list-invoices";
import { getVatAdvice, type VatAdviceDto } from "@/lib/features/invoices/vat-advice";
import type { CreditTarget } from "@/components/invoices/invoice-form";

export async function loadFormProps(
  caller: Caller,
  businessId: string,
  invoice?: InvoiceDto,
): Promise<{ today: string; creditTargets: CreditTarget[]; initialAdvice: VatAdviceDto }> {
  const today = amsterdamToday();
  const request = invoice
    ? {
        date: invoice.date,
        category: invoice.category,
        netCents: invoice.netCents,
        vatCents: invoice.vatCents,
        sequence: invoice.sequence,
        country: invoice.country,
        ancillary: invoice.ancillary,
        invoiceId: invoice.id,
      }
    : { date: today, category: "NL_STANDARD", netCents: 0 };
  const [recent, initialAdvice] = await Promise.all([
    listInvoices({ caller, businessId, query: { pageSize: 200, sort: "date", dir: "desc" } }),
    getVatAdvice({ caller, businessId, request, today }),
  ]);
  return {
    today,
    initialAdvice,
    creditTargets: recent.data
      .filter((invoice) => invoice.kind !== "credit_note")
      .map((invoice) => ({
        id: invoice.id,
        number: invoice.number,
        date: invoice.date,
        customerName: invoice.customer.name,
        category: invoice.category,
        netCents: invoice.netCents,
      })),
  };
}

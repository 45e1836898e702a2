// What the new and edit pages load for the invoice form: the invoices a credit note may
// correct (the latest 200 of every year) and today's date in Amsterdam.
import type { Caller } from "@/lib/businesses/access";
import { amsterdamToday } from "@/lib/dates/amsterdam-today";
import { listInvoices } from "@/lib/invoices/list-invoices";
import type { CreditTarget } from "@/components/invoices/invoice-form";

export async function loadFormProps(caller: Caller, businessId: string): Promise<{ today: string; creditTargets: CreditTarget[] }> {
  const recent = await listInvoices({ caller, businessId, query: { pageSize: 200, sort: "date", dir: "desc" } });
  return {
    today: amsterdamToday(),
    creditTargets: recent.data
      .filter((invoice) => invoice.kind !== "credit_note")
      .map((invoice) => ({ id: invoice.id, number: invoice.number, date: invoice.date, customerName: invoice.customer.name, category: invoice.category, netCents: invoice.netCents })),
  };
}

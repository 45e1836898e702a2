// CSV download of the invoice list with the list's filters. Outsiders get a plain 404.
import { getLocale } from "next-intl/server";
import { csvDownload } from "@/lib/http/csv-download";
import { exportInvoicesCsv } from "@/lib/invoices/export-invoices-csv";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ businessId: string }> }): Promise<Response> {
  const { businessId } = await params;
  const query = Object.fromEntries([...new URL(request.url).searchParams.entries()].filter(([key]) => key !== "page" && key !== "pageSize"));
  const language = (await getLocale()) === "en" ? "en" : "nl";
  return csvDownload(`facturen-${query.year ?? "alle"}.csv`, (caller) => exportInvoicesCsv({ caller, businessId, query, language }));
}

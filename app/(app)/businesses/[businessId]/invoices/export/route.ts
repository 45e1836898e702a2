// CSV download of the invoice list with the list's filters (?format=excel-nl: semicolons
// and decimal commas for Dutch Excel). Outsiders get a plain 404.
import { getLocale } from "next-intl/server";
import { csvDownload } from "@/lib/platform/http/csv-download";
import { exportInvoicesCsv } from "@/lib/features/invoices/export-invoices-csv";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ businessId: string }> }): Promise<Response> {
  const { businessId } = await params;
  const params_ = new URL(request.url).searchParams;
  const dialect = params_.get("format") === "excel-nl" ? "excel-nl" : "standard";
  const query = Object.fromEntries([...params_.entries()].filter(([key]) => key !== "page" && key !== "pageSize" && key !== "format"));
  const language = (await getLocale()) === "en" ? "en" : "nl";
  return csvDownload(`facturen-${query.year ?? "alle"}${dialect === "excel-nl" ? "-excel" : ""}.csv`, (caller) =>
    exportInvoicesCsv({ caller, businessId, query, language, dialect }),
  );
}

// CSV download of the year's invoices sent without VAT after a crossing, with both
// remedies (the dashboard lists the first few). Outsiders get a plain 404.
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { exportRemediation } from "@/lib/features/dashboard/export-remediation";
import { csvDownload } from "@/lib/platform/http/csv-download";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ businessId: string }> }): Promise<Response> {
  const { businessId } = await params;
  const year = new URL(request.url).searchParams.get("year") ?? amsterdamToday().slice(0, 4);
  return csvDownload(`herstel-btw-${year}.csv`, (caller) =>
    exportRemediation({ caller, businessId, year: /^\d{4}$/.test(year) ? Number(year) : Number.NaN }),
  );
}

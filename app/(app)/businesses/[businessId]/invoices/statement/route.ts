// CSV download of the year's counted-turnover statement. Outsiders get a plain 404.
import { getLocale } from "next-intl/server";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { csvDownload } from "@/lib/platform/http/csv-download";
import { exportTurnoverStatement } from "@/lib/features/turnover/export-turnover-statement";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ businessId: string }> }): Promise<Response> {
  const { businessId } = await params;
  const year = new URL(request.url).searchParams.get("year") ?? amsterdamToday().slice(0, 4);
  const language = (await getLocale()) === "en" ? "en" : "nl";
  return csvDownload(`omzetoverzicht-${year}.csv`, (caller) => exportTurnoverStatement({ caller, businessId, year, language }));
}

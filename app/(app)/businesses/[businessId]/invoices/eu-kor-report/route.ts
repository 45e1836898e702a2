// CSV download of the year's EU-KOR quarterly report figures (per quarter and member
// state, in euro, with the due date). Outsiders get a plain 404.
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { csvDownload } from "@/lib/platform/http/csv-download";
import { exportQuarterlyReports } from "@/lib/features/eu-kor/get-quarterly-reports";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ businessId: string }> }): Promise<Response> {
  const { businessId } = await params;
  const year = new URL(request.url).searchParams.get("year") ?? amsterdamToday().slice(0, 4);
  return csvDownload(`eu-kor-kwartaalrapport-${year}.csv`, (caller) => exportQuarterlyReports({ caller, businessId, year }));
}

// CSV download of the year's ICP and OSS figures (per quarter: ICP lines per customer VAT
// number, OSS lines per member state). Outsiders get a plain 404.
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { csvDownload } from "@/lib/platform/http/csv-download";
import { exportIcpOss } from "@/lib/features/eu-kor/get-icp-oss";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ businessId: string }> }): Promise<Response> {
  const { businessId } = await params;
  const year = new URL(request.url).searchParams.get("year") ?? amsterdamToday().slice(0, 4);
  return csvDownload(`icp-oss-${year.replace(/\D/g, "").slice(0, 4)}.csv`, (caller) => exportIcpOss({ caller, businessId, year }));
}

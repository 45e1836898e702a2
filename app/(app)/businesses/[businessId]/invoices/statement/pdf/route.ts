// PDF download of the year's statement (counted turnover, crossing and remediation,
// deadlines), in the page's language. Outsiders get a plain 404.
import { getLocale } from "next-intl/server";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { pdfDownload } from "@/lib/platform/http/pdf-download";
import { renderStatementPdf } from "@/lib/features/turnover/render-statement-pdf";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ businessId: string }> }): Promise<Response> {
  const { businessId } = await params;
  const year = new URL(request.url).searchParams.get("year") ?? amsterdamToday().slice(0, 4);
  const language = (await getLocale()) === "en" ? "en" : "nl";
  const fileName = language === "en" ? `statement-${year}.pdf` : `omzetoverzicht-${year}.pdf`;
  return pdfDownload(fileName, (caller) => renderStatementPdf({ caller, businessId, year, language }));
}

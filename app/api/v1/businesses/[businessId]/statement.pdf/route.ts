// The year's statement of one business as a PDF (counted turnover, crossing and
// remediation, deadlines). Outsiders get 404; the download is in the security log.
import { apiRoute, methodNotAllowed, queryObject } from "@/lib/platform/api/api-route";
import { statementPdfQuerySchema } from "@/lib/platform/api/api-query.types";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { logExport, pdfHeaders } from "@/lib/platform/http/pdf-download";
import { renderStatementPdf } from "@/lib/features/turnover/render-statement-pdf";
import { parseOrThrow } from "@/lib/platform/validation";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ businessId: string }>(async ({ request, caller, params }) => {
  const query = parseOrThrow(statementPdfQuerySchema, queryObject(request));
  const year = query.year ?? Number(amsterdamToday().slice(0, 4));
  const language = query.lang ?? "nl";
  const pdf = await renderStatementPdf({ caller, businessId: params.businessId, year, language });
  const fileName = language === "en" ? `statement-${year}.pdf` : `omzetoverzicht-${year}.pdf`;
  await logExport(caller.userId, fileName);
  return new Response(new Uint8Array(pdf), { headers: pdfHeaders(fileName) });
});

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

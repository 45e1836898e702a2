// The EU-KOR quarterly report figures of one year: per quarter, per member state, the
// value of the supplies with the rule of each line, the due date, and the notice after a
// crossing of €100,000. Outsiders get 404.
import { apiRoute, methodNotAllowed, queryObject } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { filingQuerySchema } from "@/lib/platform/api/api-query.types";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { getQuarterlyReports } from "@/lib/features/eu-kor/get-quarterly-reports";
import { parseOrThrow } from "@/lib/platform/validation";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ businessId: string }>(async ({ request, caller, params }) => {
  const query = parseOrThrow(filingQuerySchema, queryObject(request));
  const data = await getQuarterlyReports({
    caller,
    businessId: params.businessId,
    year: query.year ?? Number(amsterdamToday().slice(0, 4)),
  });
  return jsonResponse({ data });
});

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

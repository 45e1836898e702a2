// The ICP and OSS figures of one year: per quarter, the intra-EU supplies to businesses per
// customer VAT number and the distance sales per member state once OSS applies, each set
// with its rule. Outsiders get 404.
import { apiRoute, methodNotAllowed, queryObject } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { filingQuerySchema } from "@/lib/platform/api/api-query.types";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { getIcpOss } from "@/lib/features/eu-kor/get-icp-oss";
import { parseOrThrow } from "@/lib/platform/validation";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ businessId: string }>(async ({ request, caller, params }) => {
  const query = parseOrThrow(filingQuerySchema, queryObject(request));
  const data = await getIcpOss({ caller, businessId: params.businessId, year: query.year ?? Number(amsterdamToday().slice(0, 4)) });
  return jsonResponse({ data });
});

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

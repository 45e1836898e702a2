// Where a business stands in one year: counted turnover, crossings, alerts, projection.
import { apiRoute, methodNotAllowed, queryObject } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { turnoverQuerySchema } from "@/lib/platform/api/api-query.types";
import { getTurnover } from "@/lib/features/turnover/get-turnover";
import { parseOrThrow } from "@/lib/platform/validation";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ businessId: string }>(async ({ request, caller, params }) => {
  const query = parseOrThrow(turnoverQuerySchema, queryObject(request));
  const data = await getTurnover({ caller, businessId: params.businessId, year: query.year, explain: query.explain === "true" });
  return jsonResponse({ data });
});

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

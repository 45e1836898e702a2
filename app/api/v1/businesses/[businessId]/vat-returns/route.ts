// GET ?year=YYYY: every VAT-return period of the year (the business's filing frequency)
// with whether a return is due (outside the KOR), filed, or needs a correction.
import { apiRoute, methodNotAllowed } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { getVatReturnYear } from "@/lib/features/vat-return/get-vat-return";

export const dynamic = "force-dynamic";

type Params = { businessId: string };

export const GET = apiRoute<Params>(async ({ request, caller, params }) => {
  const year = new URL(request.url).searchParams.get("year") ?? undefined;
  return jsonResponse({ data: await getVatReturnYear({ caller, businessId: params.businessId, year }) });
});

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

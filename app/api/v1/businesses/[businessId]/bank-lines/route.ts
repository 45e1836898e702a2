// GET one page of the business's bank lines: the candidates to review (?status=candidates,
// the default), the accepted, rejected or left-out ones, every incoming line, or all lines;
// with the page's place (?page, ?pageSize) and each filter's count.
import { apiRoute, methodNotAllowed, queryObject } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { errorWithFieldKeys } from "@/lib/platform/api/error-with-field-keys";
import { listBankCandidates } from "@/lib/features/bank/list-bank-lines";

export const dynamic = "force-dynamic";

type Params = { businessId: string };

export const GET = apiRoute<Params>(async ({ request, caller, params }) => {
  try {
    const { data, page, counts } = await listBankCandidates({ caller, businessId: params.businessId, query: queryObject(request) });
    return jsonResponse({ data, page, counts });
  } catch (error) {
    return errorWithFieldKeys(error, request);
  }
});

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

// GET one page of the business's incoming bank lines: the candidates to review
// (?status=candidates, the default), every incoming line, or all lines.
import { apiRoute, methodNotAllowed, queryObject } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/api-response";
import { listBankCandidates } from "@/lib/bank/list-bank-lines";

export const dynamic = "force-dynamic";

type Params = { businessId: string };

export const GET = apiRoute<Params>(async ({ request, caller, params }) => {
  const { data, page } = await listBankCandidates({ caller, businessId: params.businessId, query: queryObject(request) });
  return jsonResponse({ data, page });
});

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

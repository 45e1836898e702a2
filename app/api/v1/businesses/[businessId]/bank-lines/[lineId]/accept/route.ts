// POST: accept a turnover candidate. Creates a cash sale from the payment (dated on it
// unless `date` is given) with the confirmed category; `remember` keeps the choice for the
// counterparty's next payments. Answers the line, the invoice and its VAT advice.
import { apiRoute, methodNotAllowed } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { errorWithFieldKeys } from "@/lib/platform/api/error-with-field-keys";
import { readJsonBody } from "@/lib/platform/api/read-json-body";
import { requireBusinessAccess } from "@/lib/features/businesses/access";
import { acceptBankLine } from "@/lib/features/bank/decide-bank-line";

export const dynamic = "force-dynamic";

type Params = { businessId: string; lineId: string };

export const POST = apiRoute<Params>(async ({ request, caller, params }) => {
  try {
    await requireBusinessAccess({ caller, businessId: params.businessId, need: "write" });
    const input = await readJsonBody(request);
    const { line, invoice, vatAdvice } = await acceptBankLine({ caller, businessId: params.businessId, lineId: params.lineId, input });
    return jsonResponse({ data: line, invoice, vatAdvice }, { status: 201 });
  } catch (error) {
    return errorWithFieldKeys(error, request);
  }
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

// POST the file of a bank statement as the body (CAMT.053, MT940 or a bank's CSV export,
// recognised from its content): imported all or nothing, answering the statement's summary
// and the turnover candidates to review. Access is checked before the body is read.
import { apiRoute, methodNotAllowed } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { errorWithFieldKeys } from "@/lib/platform/api/error-with-field-keys";
import { readFileBody } from "@/lib/platform/api/read-file-body";
import { requireBusinessAccess } from "@/lib/features/businesses/access";
import { importBankStatement } from "@/lib/features/bank/import-bank-statement";

export const dynamic = "force-dynamic";

type Params = { businessId: string };

export const POST = apiRoute<Params>(async ({ request, caller, params }) => {
  try {
    await requireBusinessAccess({ caller, businessId: params.businessId, need: "write" });
    const bytes = await readFileBody(request);
    const data = await importBankStatement({ caller, businessId: params.businessId, bytes });
    return jsonResponse({ data }, { status: data.statement.newLines > 0 ? 201 : 200 });
  } catch (error) {
    return errorWithFieldKeys(error, request);
  }
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

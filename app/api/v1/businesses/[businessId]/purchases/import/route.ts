// POST text/csv: import purchases all or nothing; a refusal names every problem by row and
// column (`rows.3.net`), with the i18n keys beside the English text (`fieldKeys`). Access
// is checked before the body is read.
import { apiRoute, methodNotAllowed } from "@/lib/platform/api/api-route";
import { errorResponse, jsonResponse } from "@/lib/platform/api/api-response";
import { readCsvBody } from "@/lib/platform/api/read-csv-body";
import { requireBusinessAccess } from "@/lib/features/businesses/access";
import { isAppError } from "@/lib/platform/errors";
import { importPurchases } from "@/lib/features/purchases/import-purchases";

export const dynamic = "force-dynamic";

type Params = { businessId: string };

export const POST = apiRoute<Params>(async ({ request, caller, params }) => {
  try {
    await requireBusinessAccess({ caller, businessId: params.businessId, need: "write" });
    const csv = await readCsvBody(request);
    return jsonResponse({ data: await importPurchases({ caller, businessId: params.businessId, csv }) }, { status: 201 });
  } catch (error) {
    const response = errorResponse(error, { method: request.method, url: request.url });
    if (!isAppError(error) || !error.fields || Object.keys(error.fields).length === 0) return response;
    const body = (await response.json()) as { error: Record<string, unknown> };
    return jsonResponse(
      { error: { ...body.error, fieldKeys: error.fields } },
      { status: response.status, headers: Object.fromEntries(response.headers) },
    );
  }
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

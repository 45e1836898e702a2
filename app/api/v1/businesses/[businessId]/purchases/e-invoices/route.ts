// POST one UBL 2.1 invoice or credit note the business received (application/xml) or a zip
// of them (application/zip): imported as purchases, all or nothing (?dryRun=true: only the
// preview, the shape of the sales e-invoice preview). Treatments for rows that need review
// come from ?categories=<JSON {rowCategories, groupCategories}>. `Accept: application/x-ndjson`
// streams progress. Access is checked before the body is read (an outsider's upload is
// neither read nor parsed: 404; a read-only member: 403).
import { apiRoute, methodNotAllowed } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/api-response";
import { importErrorResponse, jsonParam, progressStream } from "@/lib/api/import-response";
import { readUploadBody } from "@/lib/api/read-upload-body";
import { requireBusinessAccess, type Caller } from "@/lib/businesses/access";
import { commitPurchaseEInvoiceImport, previewPurchaseEInvoiceImport } from "@/lib/purchases/import-purchase-e-invoices";

export const dynamic = "force-dynamic";

type Params = { businessId: string };

export const POST = apiRoute<Params>(async ({ request, caller, params }) => {
  try {
    return await importPurchaseEInvoices(request, caller, params);
  } catch (error) {
    return importErrorResponse(error, request);
  }
});

async function importPurchaseEInvoices(request: Request, caller: Caller, params: Params): Promise<Response> {
  const url = new URL(request.url);
  const { businessId } = params;
  await requireBusinessAccess({ caller, businessId, need: "write" });
  const choices = jsonParam(url, "categories");
  const fileName = url.searchParams.get("fileName")?.slice(0, 200) || undefined;
  const body = await readUploadBody(request);
  if (url.searchParams.get("dryRun") === "true") {
    return jsonResponse({ data: await previewPurchaseEInvoiceImport({ caller, businessId, body, choices, fileName }) });
  }
  if ((request.headers.get("accept") ?? "").includes("application/x-ndjson")) {
    return progressStream(async (send) => {
      const result = await commitPurchaseEInvoiceImport({
        caller,
        businessId,
        body,
        choices,
        fileName,
        onProgress: (progress) => send({ type: "progress", ...progress }),
      });
      send({ type: "result", status: result.created > 0 ? 201 : 200, data: result });
    }, request);
  }
  const result = await commitPurchaseEInvoiceImport({ caller, businessId, body, choices, fileName });
  return jsonResponse({ data: result }, { status: result.created > 0 ? 201 : 200 });
}

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

// POST text/csv: import invoices all or nothing (?dryRun=true: only the preview).
// The column mapping comes from ?mapping=<JSON>, else the business's remembered one, else
// it is guessed from the headers. With `Accept: application/x-ndjson` the answer is a
// stream of progress lines ({"type":"progress",…}) ending in one {"type":"result"} or
// {"type":"error"} line: the app's import shows how far a large file has got. Access is
// checked before the body is read (an outsider's upload is neither read nor parsed: a
// plain 404), and before the stream starts. A refusal with field problems also carries
// their i18n keys (`fieldKeys`), so the app's wizard shows them in the user's language.
import { apiRoute, methodNotAllowed } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { importErrorResponse, jsonParam, progressStream } from "@/lib/platform/api/import-response";
import { requireBusinessAccess } from "@/lib/features/businesses/access";
import { readCsvBody } from "@/lib/platform/api/read-csv-body";
import { commitImport, previewImport } from "@/lib/features/invoices/import/import-invoices";

export const dynamic = "force-dynamic";

type Params = { businessId: string };

export const POST = apiRoute<Params>(async ({ request, caller, params }) => {
  try {
    return await importInvoices(request, caller, params);
  } catch (error) {
    return importErrorResponse(error, request);
  }
});

async function importInvoices(request: Request, caller: Parameters<typeof commitImport>[0]["caller"], params: Params): Promise<Response> {
  const url = new URL(request.url);
  await requireBusinessAccess({ caller, businessId: params.businessId, need: "write" });
  const mapping = jsonParam(url, "mapping");
  const csv = await readCsvBody(request);
  if (url.searchParams.get("dryRun") === "true") {
    return jsonResponse({ data: await previewImport({ caller, businessId: params.businessId, csv, mapping }) });
  }
  if ((request.headers.get("accept") ?? "").includes("application/x-ndjson")) {
    return progressStream(async (send) => {
      const result = await commitImport({
        caller,
        businessId: params.businessId,
        csv,
        mapping,
        onProgress: (progress) => send({ type: "progress", ...progress }),
      });
      send({ type: "result", status: result.created > 0 ? 201 : 200, data: result });
    }, request);
  }
  const result = await commitImport({ caller, businessId: params.businessId, csv, mapping });
  return jsonResponse({ data: result }, { status: result.created > 0 ? 201 : 200 });
}

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

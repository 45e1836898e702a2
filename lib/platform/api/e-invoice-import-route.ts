// The POST handler of an e-invoice upload (one UBL file or a zip), for sales and for
// purchases alike: access before the body is read (an outsider's upload is neither read nor
// parsed: 404), ?dryRun=true for the preview, `Accept: application/x-ndjson` for the
// commit's progress stream, and the import's own error answer.
import { apiRoute } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { importErrorResponse, jsonParam, progressStream } from "@/lib/platform/api/import-response";
import { readUploadBody } from "@/lib/platform/api/read-upload-body";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import type { ImportProgress } from "@/lib/features/invoices/import/import-invoices";

type ImportOptions = { caller: Caller; businessId: string; body: Uint8Array; fileName?: string; choices?: unknown };
type ImportResult = { created: number; skipped: number; total: number };

export function eInvoiceImportRoute(importer: {
  preview: (options: ImportOptions) => Promise<unknown>;
  commit: (options: ImportOptions & { onProgress?: (progress: ImportProgress) => void }) => Promise<ImportResult>;
}) {
  const run = async (request: Request, caller: Caller, businessId: string): Promise<Response> => {
    const url = new URL(request.url);
    await requireBusinessAccess({ caller, businessId, need: "write" });
    const choices = jsonParam(url, "categories");
    const fileName = url.searchParams.get("fileName")?.slice(0, 200) || undefined;
    const body = await readUploadBody(request);
    const options = { caller, businessId, body, choices, fileName };
    if (url.searchParams.get("dryRun") === "true") return jsonResponse({ data: await importer.preview(options) });
    const status = (result: ImportResult) => (result.created > 0 ? 201 : 200);
    if ((request.headers.get("accept") ?? "").includes("application/x-ndjson")) {
      return progressStream(async (send) => {
        const result = await importer.commit({ ...options, onProgress: (progress) => send({ type: "progress", ...progress }) });
        send({ type: "result", status: status(result), data: result });
      }, request);
    }
    const result = await importer.commit(options);
    return jsonResponse({ data: result }, { status: status(result) });
  };
  return apiRoute<{ businessId: string }>(async ({ request, caller, params }) => {
    try {
      return await run(request, caller, params.businessId);
    } catch (error) {
      return importErrorResponse(error, request);
    }
  });
}

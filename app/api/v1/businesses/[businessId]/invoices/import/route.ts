// POST text/csv: import invoices all or nothing (?dryRun=true: only the preview).
// The column mapping comes from ?mapping=<JSON>, else the business's remembered one, else
// it is guessed from the headers. With `Accept: application/x-ndjson` the answer is a
// stream of progress lines ({"type":"progress",…}) ending in one {"type":"result"} or
// {"type":"error"} line: the app's import shows how far a large file has got. Access is
// checked before the body is read (an outsider's upload is neither read nor parsed: a
// plain 404), and before the stream starts. A refusal with field problems also carries
// their i18n keys (`fieldKeys`), so the app's wizard shows them in the user's language.
import { apiRoute, methodNotAllowed } from "@/lib/api/api-route";
import { errorResponse, jsonResponse } from "@/lib/api/api-response";
import { requireBusinessAccess } from "@/lib/businesses/access";
import { readCsvBody } from "@/lib/api/read-csv-body";
import { AppError, isAppError } from "@/lib/errors";
import { commitImport, previewImport, type ImportProgress } from "@/lib/invoices/import/import-invoices";

export const dynamic = "force-dynamic";

type Params = { businessId: string };

function mappingFrom(url: URL): unknown {
  const raw = url.searchParams.get("mapping");
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError("VALIDATION_FAILED", "mapping is not JSON", { fields: { mapping: "validation.invalid" } });
  }
}

/** The API's error answer, with the field problems' i18n keys beside their English text. */
async function importErrorResponse(error: unknown, request: Request): Promise<Response> {
  const response = errorResponse(error, { method: request.method, url: request.url });
  if (!isAppError(error) || !error.fields || Object.keys(error.fields).length === 0) return response;
  const body = (await response.json()) as { error: Record<string, unknown> };
  return jsonResponse({ error: { ...body.error, fieldKeys: error.fields } }, { status: response.status, headers: Object.fromEntries(response.headers) });
}

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
  const mapping = mappingFrom(url);
  const csv = await readCsvBody(request);
  if (url.searchParams.get("dryRun") === "true") {
    return jsonResponse({ data: await previewImport({ caller, businessId: params.businessId, csv, mapping }) });
  }
  if ((request.headers.get("accept") ?? "").includes("application/x-ndjson")) {
    return progressStream(async (send) => {
      const result = await commitImport({ caller, businessId: params.businessId, csv, mapping, onProgress: (progress) => send({ type: "progress", ...progress }) });
      send({ type: "result", status: result.created > 0 ? 201 : 200, data: result });
    }, request);
  }
  const result = await commitImport({ caller, businessId: params.businessId, csv, mapping });
  return jsonResponse({ data: result }, { status: result.created > 0 ? 201 : 200 });
}

type StreamLine = ({ type: "progress" } & ImportProgress) | { type: "result"; status: number; data: unknown } | { type: "error"; status: number; error: unknown };

function progressStream(work: (send: (line: StreamLine) => void) => Promise<void>, request: Request): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: StreamLine) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        await work(send);
      } catch (error) {
        // The same body and status the plain request would have answered with.
        const response = await importErrorResponse(error, request);
        send({ type: "error", status: response.status, ...((await response.json()) as { error: unknown }) });
      }
      controller.close();
    },
  });
  return new Response(stream, { status: 200, headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

// The import endpoints' answers (CSV and e-invoices alike): errors with the field
// problems' i18n keys beside their English text (`fieldKeys`, so the app shows them in the
// user's language), and the NDJSON progress stream a large import reports through.
import { errorResponse, jsonResponse } from "@/lib/platform/api/api-response";
import { AppError, isAppError } from "@/lib/platform/errors";
import type { ImportProgress } from "@/lib/features/invoices/import/import-invoices";

/** The API's error answer, with the field problems' i18n keys beside their English text. */
export async function importErrorResponse(error: unknown, request: Request): Promise<Response> {
  const response = errorResponse(error, { method: request.method, url: request.url });
  if (!isAppError(error) || !error.fields || Object.keys(error.fields).length === 0) return response;
  const body = (await response.json()) as { error: Record<string, unknown> };
  return jsonResponse(
    { error: { ...body.error, fieldKeys: error.fields } },
    { status: response.status, headers: Object.fromEntries(response.headers) },
  );
}

type StreamLine =
  | ({ type: "progress" } & ImportProgress)
  | { type: "result"; status: number; data: unknown }
  | { type: "error"; status: number; error: unknown };
export type SendLine = (line: StreamLine) => void;

/** Progress lines, then one result or error line (with the status the plain request would have had). */
export function progressStream(work: (send: SendLine) => Promise<void>, request: Request): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send: SendLine = (line) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        await work(send);
      } catch (error) {
        const response = await importErrorResponse(error, request);
        send({ type: "error", status: response.status, ...((await response.json()) as { error: unknown }) });
      }
      controller.close();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
  });
}

/** A JSON query parameter (`mapping`, `categories`), or a 400 naming it. */
export function jsonParam(url: URL, name: string): unknown {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError("VALIDATION_FAILED", `${name} is not JSON`, { fields: { [name]: "validation.invalid" } });
  }
}

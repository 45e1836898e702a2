// The API's error answer with the field problems' i18n keys beside their English text
// (`fieldKeys`), so the app shows them in the user's language.
import { errorResponse, jsonResponse } from "@/lib/platform/api/api-response";
import { isAppError } from "@/lib/platform/errors";

export async function errorWithFieldKeys(error: unknown, request: Request): Promise<Response> {
  const response = errorResponse(error, { method: request.method, url: request.url });
  if (!isAppError(error) || !error.fields || Object.keys(error.fields).length === 0) return response;
  const body = (await response.json()) as { error: Record<string, unknown> };
  return jsonResponse(
    { error: { ...body.error, fieldKeys: error.fields } },
    { status: response.status, headers: Object.fromEntries(response.headers) },
  );
}

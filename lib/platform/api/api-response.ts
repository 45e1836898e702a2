// The API's answers: `{ data }` on success and `{ error: { code, message, fields? } }`
// on failure, the status taken from the AppError code (lib/platform/errors.ts). Field messages
// are i18n keys inside the app; the API speaks English text. Anything that is not an
// AppError is logged here and answered as a bare 500, never with its message or stack.
import { isDatabaseUnavailable } from "@/lib/platform/db/database-unavailable";
import { isAppError, type AppError } from "@/lib/platform/errors";
import en from "@/lib/platform/i18n/messages/en/index";

export type ApiErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers: { ...JSON_HEADERS, ...init.headers } });
}

/** Where the form's wording misleads an API client (the form asks for euros, the API takes cents). */
const API_WORDING: Record<string, string> = {
  "validation.integerCents": "Send an amount as a whole number of euro cents.",
};

/** "validation.required" → its English text; an unknown key is returned as it is. */
export function translateMessageKey(key: string): string {
  if (Object.hasOwn(API_WORDING, key)) return API_WORDING[key]!;
  let node: unknown = en;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return key;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : key;
}

export function translateFields(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([path, key]) => [path, translateMessageKey(key)]));
}

function appErrorResponse(error: AppError): Response {
  const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
  if (error.fields && Object.keys(error.fields).length) body.error.fields = translateFields(error.fields);
  const headers: Record<string, string> = {};
  if (error.code === "UNAUTHENTICATED") headers["www-authenticate"] = 'Bearer realm="drempel"';
  if (error.retryAfterSeconds) headers["retry-after"] = String(error.retryAfterSeconds);
  return jsonResponse(body, { status: error.status, headers });
}

export function errorResponse(error: unknown, context?: { method: string; url: string }): Response {
  // A where-guard refusal is an AppError too, but a programming error: log it like one.
  if (isAppError(error) && error.code !== "INTERNAL") return appErrorResponse(error);
  if (isDatabaseUnavailable(error)) {
    console.error("API request failed: database unreachable", context?.method, context?.url);
    return jsonResponse(
      { error: { code: "UNAVAILABLE", message: "The database is unreachable; try again shortly" } } satisfies ApiErrorBody,
      {
        status: 503,
        headers: { "retry-after": "5" },
      },
    );
  }
  console.error("API request failed", context?.method, context?.url, error);
  return jsonResponse({ error: { code: "INTERNAL", message: "Internal error" } } satisfies ApiErrorBody, { status: 500 });
}

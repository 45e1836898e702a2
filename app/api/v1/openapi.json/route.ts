// The API's own description, public so tools can read it before they have a token.
import { jsonResponse } from "@/lib/platform/api/api-response";
import { methodNotAllowed } from "@/lib/platform/api/api-route";
import { openApiDocument } from "@/lib/platform/api/openapi";

export async function GET(): Promise<Response> {
  return jsonResponse(openApiDocument);
}

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

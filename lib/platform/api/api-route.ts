// The frame of every authenticated /api/v1 route handler: resolve the caller (401/403),
// count the request against the caller's rate limit (429 + Retry-After), await the
// segment params, run the thin handler with its queries in the caller's row-level-security
// context, and map whatever it throws to the one error shape. Handlers stay
// "parse → call lib → answer".
import { errorResponse, jsonResponse } from "@/lib/platform/api/api-response";
import { enforceApiRateLimit } from "@/lib/platform/api/enforce-api-rate-limit";
import { resolveApiCaller, type ApiCaller } from "@/lib/platform/api/resolve-api-caller";
import { runAsUser } from "@/lib/platform/db/db-context";

export type RouteContext<P> = { params: Promise<P> };
export type ApiHandler<P> = (args: { request: Request; caller: ApiCaller; params: P }) => Promise<Response>;

export function apiRoute<P = Record<string, never>>(handler: ApiHandler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const caller = await resolveApiCaller({ request });
      await enforceApiRateLimit(caller);
      // The handler's queries run under row-level security as the caller.
      return await runAsUser(caller.userId, async () => handler({ request, caller, params: await context.params }));
    } catch (error) {
      return errorResponse(error, { method: request.method, url: request.url });
    }
  };
}

/** For the methods a route does not offer: 405 in the API's own error shape, with Allow. */
export function methodNotAllowed(allowed: readonly string[]) {
  return async (): Promise<Response> =>
    jsonResponse(
      { error: { code: "METHOD_NOT_ALLOWED", message: `Allowed: ${allowed.join(", ")}` } },
      { status: 405, headers: { allow: allowed.join(", ") } },
    );
}

/** A URL's query string as a plain object for a zod schema (a repeated key: the last wins). */
export function queryObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

// A deadline marked done (issue #16): PUT { doneOn } marks it (or changes the day), DELETE
// takes the mark back. The key names the deadline by kind and period, e.g.
// VAT_RETURN_DUE:2026-Q4 (lib/features/deadlines/deadline-key.ts). Write access is checked before
// the body is read.
import { apiRoute, methodNotAllowed } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { readJsonBody } from "@/lib/platform/api/read-json-body";
import { requireBusinessAccess } from "@/lib/features/businesses/access";
import { markDeadlineDone, undoDeadlineDone } from "@/lib/features/deadlines/deadline-done";

export const dynamic = "force-dynamic";

type Params = { businessId: string; deadlineKey: string };

/** The segment as sent: "VAT_RETURN_DUE:2026-Q4" or with the colon encoded (%3A). */
function keyOf(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export const PUT = apiRoute<Params>(async ({ request, caller, params }) => {
  await requireBusinessAccess({ caller, businessId: params.businessId, need: "write" });
  const body = await readJsonBody(request);
  const data = await markDeadlineDone({ caller, businessId: params.businessId, key: keyOf(params.deadlineKey), input: body });
  return jsonResponse({ data });
});

export const DELETE = apiRoute<Params>(async ({ caller, params }) => {
  await undoDeadlineDone({ caller, businessId: params.businessId, key: keyOf(params.deadlineKey) });
  return new Response(null, { status: 204 });
});

const notAllowed = methodNotAllowed(["PUT", "DELETE"]);
export const GET = notAllowed;
export const POST = notAllowed;
export const PATCH = notAllowed;

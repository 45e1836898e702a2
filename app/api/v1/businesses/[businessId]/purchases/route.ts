// GET: a business's purchases (optionally one year) with totals. POST: register one
// purchase invoice or receipt; an investment good also enters the btw-herziening planner.
import { apiRoute, methodNotAllowed, queryObject } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { postWithIdempotency } from "@/lib/platform/api/post-with-idempotency";
import { readJsonBody } from "@/lib/platform/api/read-json-body";
import { requireBusinessAccess } from "@/lib/features/businesses/access";
import { listPurchases } from "@/lib/features/purchases/list-purchases";
import { createPurchase } from "@/lib/features/purchases/save-purchase";

export const dynamic = "force-dynamic";

type Params = { businessId: string };

export const GET = apiRoute<Params>(async ({ request, caller, params }) => {
  const { data, totals } = await listPurchases({ caller, businessId: params.businessId, query: queryObject(request) });
  return jsonResponse({ data, totals });
});

export const POST = apiRoute<Params>(async ({ request, caller, params }) => {
  // Access before the body is read: an outsider's body is never parsed.
  await requireBusinessAccess({ caller, businessId: params.businessId, need: "write" });
  const body = await readJsonBody(request);
  return postWithIdempotency({
    request,
    caller,
    body,
    joinTransaction: true,
    run: async (tx) => ({
      status: 201,
      body: { data: await createPurchase({ caller, businessId: params.businessId, input: body, ...(tx ? { client: tx } : {}) }) },
    }),
    authorizeReplay: () => requireBusinessAccess({ caller, businessId: params.businessId, need: "write" }),
  });
});

const notAllowed = methodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

// One purchase: read, change (PATCH merges into the stored purchase and validates the
// whole), or delete (with the investment good it registered).
import { apiRoute, methodNotAllowed } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { readJsonBody } from "@/lib/platform/api/read-json-body";
import { requireBusinessAccess } from "@/lib/features/businesses/access";
import { getPurchase } from "@/lib/features/purchases/list-purchases";
import { deletePurchase, updatePurchase } from "@/lib/features/purchases/save-purchase";

export const dynamic = "force-dynamic";

type Params = { businessId: string; purchaseId: string };

export const GET = apiRoute<Params>(async ({ caller, params }) => jsonResponse({ data: await getPurchase({ caller, ...params }) }));

export const PATCH = apiRoute<Params>(async ({ request, caller, params }) => {
  await requireBusinessAccess({ caller, businessId: params.businessId, need: "write" });
  const patch = await readJsonBody(request);
  return jsonResponse({ data: await updatePurchase({ caller, ...params, patch }) });
});

export const DELETE = apiRoute<Params>(async ({ caller, params }) => jsonResponse({ data: await deletePurchase({ caller, ...params }) }));

const notAllowed = methodNotAllowed(["GET", "PATCH", "DELETE"]);
export const POST = notAllowed;
export const PUT = notAllowed;

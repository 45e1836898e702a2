// GET: the caller's businesses. POST: a new business owned by the caller.
import { apiRoute, methodNotAllowed } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { postWithIdempotency } from "@/lib/platform/api/post-with-idempotency";
import { readJsonBody } from "@/lib/platform/api/read-json-body";
import { requireBusinessAccess } from "@/lib/features/businesses/access";
import { AppError } from "@/lib/platform/errors";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { listBusinesses } from "@/lib/features/businesses/list-businesses";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ caller }) => jsonResponse({ data: await listBusinesses({ caller }) }));

export const POST = apiRoute(async ({ request, caller }) => {
  // A token limited to some businesses cannot reach beyond them by creating one.
  if (caller.businessIds) throw new AppError("FORBIDDEN", "This token is limited to some businesses");
  const body = await readJsonBody(request);
  return postWithIdempotency({
    request,
    caller,
    body,
    // createBusiness opens its own transaction, so the key is reserved around it.
    joinTransaction: false,
    run: async () => ({ status: 201, body: { data: await createBusiness({ caller, input: body }) } }),
    // A replay shows the business: only to a caller who still sees it.
    authorizeReplay: (answer) =>
      requireBusinessAccess({ caller, businessId: String((answer.body as { data?: { id?: unknown } }).data?.id), need: "read" }),
  });
});

const notAllowed = methodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

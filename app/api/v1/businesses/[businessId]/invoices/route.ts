// GET: one page of a business's invoices with totals. POST: register one invoice; the
// answer says beside it whether it must carry VAT (`vatAdvice`).
import { apiRoute, methodNotAllowed, queryObject } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { postWithIdempotency } from "@/lib/platform/api/post-with-idempotency";
import { readJsonBody } from "@/lib/platform/api/read-json-body";
import { requireBusinessAccess } from "@/lib/features/businesses/access";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { listInvoices } from "@/lib/features/invoices/list-invoices";
import { adviseStoredInvoice } from "@/lib/features/invoices/vat-advice";

export const dynamic = "force-dynamic";

type Params = { businessId: string };

export const GET = apiRoute<Params>(async ({ request, caller, params }) => {
  const { data, page, totals } = await listInvoices({ caller, businessId: params.businessId, query: queryObject(request) });
  return jsonResponse({ data, page, totals });
});

export const POST = apiRoute<Params>(async ({ request, caller, params }) => {
  const body = await readJsonBody(request);
  return postWithIdempotency({
    request,
    caller,
    body,
    joinTransaction: true,
    run: async (tx) => {
      const data = await createInvoice({ caller, businessId: params.businessId, input: body, client: tx });
      // Whether it must carry VAT, as the books stand with it (lib/features/invoices/vat-advice.ts).
      return {
        status: 201,
        body: {
          data,
          vatAdvice: await adviseStoredInvoice({ ...(tx ? { client: tx } : {}), businessId: params.businessId, invoice: data }),
        },
      };
    },
    // As the request itself: write access to the business, else 404 / 403.
    authorizeReplay: () => requireBusinessAccess({ caller, businessId: params.businessId, need: "write" }),
  });
});

const notAllowed = methodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

// One invoice: read, change (PATCH merges into the stored invoice and validates the
// whole; the answer says beside it whether it must carry VAT, `vatAdvice`), or delete
// (soft: it stops counting, keeps its number; answers the invoice).
import { apiRoute, methodNotAllowed } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { readJsonBody } from "@/lib/platform/api/read-json-body";
import { deleteInvoice } from "@/lib/features/invoices/delete-invoice";
import { getInvoice } from "@/lib/features/invoices/get-invoice";
import { updateInvoice } from "@/lib/features/invoices/update-invoice";
import { adviseStoredInvoice } from "@/lib/features/invoices/vat-advice";

export const dynamic = "force-dynamic";

type Params = { businessId: string; invoiceId: string };

export const GET = apiRoute<Params>(async ({ caller, params }) => jsonResponse({ data: await getInvoice({ caller, ...params }) }));

export const PATCH = apiRoute<Params>(async ({ request, caller, params }) => {
  const patch = await readJsonBody(request);
  const data = await updateInvoice({ caller, ...params, patch });
  // Access was checked by the update; the advice reads the books as they now stand.
  const vatAdvice = await adviseStoredInvoice({ businessId: params.businessId, invoice: data });
  return jsonResponse({ data, vatAdvice });
});

export const DELETE = apiRoute<Params>(async ({ caller, params }) => jsonResponse({ data: await deleteInvoice({ caller, ...params }) }));

const notAllowed = methodNotAllowed(["GET", "PATCH", "DELETE"]);
export const POST = notAllowed;
export const PUT = notAllowed;

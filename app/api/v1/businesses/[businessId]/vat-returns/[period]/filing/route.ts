// POST { filedOn, correction? }: mark the period's VAT return as filed, keeping the figures
// as filed; with `correction: true` a filed return's correction (suppletie) was filed and
// the current figures become the filed ones. Access before the body is read.
import { apiRoute, methodNotAllowed } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { readJsonBody } from "@/lib/platform/api/read-json-body";
import { requireBusinessAccess } from "@/lib/features/businesses/access";
import { fileVatReturn } from "@/lib/features/vat-return/file-vat-return";

export const dynamic = "force-dynamic";

type Params = { businessId: string; period: string };

export const POST = apiRoute<Params>(async ({ request, caller, params }) => {
  await requireBusinessAccess({ caller, businessId: params.businessId, need: "write" });
  const body = await readJsonBody(request);
  return jsonResponse(
    { data: await fileVatReturn({ caller, businessId: params.businessId, period: params.period, input: body }) },
    { status: 201 },
  );
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

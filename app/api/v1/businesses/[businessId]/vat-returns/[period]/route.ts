// GET: the VAT return of one period ("2026-Q4" or "2026-11"): rubrieken 1a–5g in cents and
// whole euros with the documents behind each, what was left out and why, the filing mark
// and, once filed, the correction (suppletie) per rubriek.
import { apiRoute, methodNotAllowed } from "@/lib/platform/api/api-route";
import { jsonResponse } from "@/lib/platform/api/api-response";
import { getVatReturn } from "@/lib/features/vat-return/get-vat-return";

export const dynamic = "force-dynamic";

type Params = { businessId: string; period: string };

export const GET = apiRoute<Params>(async ({ caller, params }) =>
  jsonResponse({ data: await getVatReturn({ caller, businessId: params.businessId, period: params.period }) }),
);

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

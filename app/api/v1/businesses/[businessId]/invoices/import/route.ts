// POST text/csv: import invoices all or nothing (?dryRun=true: only the preview).
// The column mapping comes from ?mapping=<JSON>, else the business's remembered one, else
// it is guessed from the headers.
import { apiRoute, methodNotAllowed } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/api-response";
import { readCsvBody } from "@/lib/api/read-csv-body";
import { AppError } from "@/lib/errors";
import { commitImport, previewImport } from "@/lib/invoices/import/import-invoices";

export const dynamic = "force-dynamic";

type Params = { businessId: string };

function mappingFrom(url: URL): unknown {
  const raw = url.searchParams.get("mapping");
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError("VALIDATION_FAILED", "mapping is not JSON", { fields: { mapping: "validation.invalid" } });
  }
}

export const POST = apiRoute<Params>(async ({ request, caller, params }) => {
  const url = new URL(request.url);
  const mapping = mappingFrom(url);
  const csv = await readCsvBody(request);
  if (url.searchParams.get("dryRun") === "true") {
    return jsonResponse({ data: await previewImport({ caller, businessId: params.businessId, csv, mapping }) });
  }
  const result = await commitImport({ caller, businessId: params.businessId, csv, mapping });
  return jsonResponse({ data: result }, { status: result.created > 0 ? 201 : 200 });
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

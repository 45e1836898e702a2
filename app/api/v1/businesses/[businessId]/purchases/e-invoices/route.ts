// POST one UBL 2.1 invoice or credit note the business received (application/xml) or a zip
// of them (application/zip): imported as purchases, all or nothing (?dryRun=true: only the
// preview, the shape of the sales e-invoice preview). Treatments for rows that need review
// come from ?categories=<JSON {rowCategories, groupCategories}>, and an investment good (or goods
// for resale) per line from its rowPurchaseCategories. `Accept: application/x-ndjson`
// streams progress. Access is checked before the body is read (an outsider's upload is
// neither read nor parsed: 404; a read-only member: 403).
import { methodNotAllowed } from "@/lib/platform/api/api-route";
import { eInvoiceImportRoute } from "@/lib/platform/api/e-invoice-import-route";
import { commitPurchaseEInvoiceImport, previewPurchaseEInvoiceImport } from "@/lib/features/purchases/import-purchase-e-invoices";

export const dynamic = "force-dynamic";

export const POST = eInvoiceImportRoute({ preview: previewPurchaseEInvoiceImport, commit: commitPurchaseEInvoiceImport });

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

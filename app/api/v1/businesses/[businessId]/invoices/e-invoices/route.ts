// POST one UBL 2.1 invoice or credit note (application/xml) or a zip of them
// (application/zip): imported all or nothing through the CSV import's own preview and
// commit (?dryRun=true: only the preview, the same shape as the CSV preview). Categories
// for rows that need review come from ?categories=<JSON {rowCategories, groupCategories}>.
// `Accept: application/x-ndjson` streams progress as the CSV import does. Access is checked
// before the body is read (an outsider's upload is neither read nor parsed: 404).
import { methodNotAllowed } from "@/lib/platform/api/api-route";
import { eInvoiceImportRoute } from "@/lib/platform/api/e-invoice-import-route";
import { commitEInvoiceImport, previewEInvoiceImport } from "@/lib/features/invoices/import/import-e-invoices";

export const dynamic = "force-dynamic";

export const POST = eInvoiceImportRoute({ preview: previewEInvoiceImport, commit: commitEInvoiceImport });

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

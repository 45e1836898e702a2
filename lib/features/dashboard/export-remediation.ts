// The invoices of one year sent without VAT while VAT was due (after a crossing in the
// KOR), as CSV: every line of the dashboard's remediation calculator — which lists only
// the first LISTED_INVOICES — with both remedies and their totals. Built by the same
// getDashboard, so the download and the page cannot disagree.
import { writeCsv } from "@/lib/platform/http/csv";
import type { Caller } from "@/lib/features/businesses/access";
import { getDashboard } from "./get-dashboard";

export const REMEDIATION_COLUMNS = [
  "invoice",
  "date",
  "customer",
  "net_cents",
  "net_eur",
  "rate_percent",
  "reinvoice_vat_eur",
  "absorbed_vat_eur",
  "rule",
] as const;

const euro = (cents: number) => (cents / 100).toFixed(2);

export async function exportRemediation(options: { caller: Caller; businessId: string; year: number }): Promise<string> {
  // Every remediation line; the "why?" lists are not part of the file, so none of them is named.
  const { remediation } = await getDashboard({ ...options, listed: { why: 0, remediation: Infinity } });
  const lines = remediation?.lines ?? [];
  const rows = lines.map((line) => [
    line.invoice.number,
    line.date,
    line.invoice.customerName,
    line.netCents,
    euro(line.netCents),
    line.ratePercent,
    euro(line.reinvoiceVatCents),
    euro(line.absorbedVatCents),
    remediation!.rule,
  ]);
  if (remediation) {
    rows.push([
      "total",
      "",
      "",
      remediation.netCents,
      euro(remediation.netCents),
      "",
      euro(remediation.reinvoiceVatCents),
      euro(remediation.absorbedVatCents),
      remediation.rule,
    ]);
  }
  return writeCsv(REMEDIATION_COLUMNS, rows);
}

// The overview as CSV: every matching client, in the order shown, amounts in euros with a
// decimal point, dates as YYYY-MM-DD, statuses as stable codes.
import Papa from "papaparse";
import type { ClientRow } from "./accountant.types";

export const OVERVIEW_CSV_COLUMNS = [
  "business_id",
  "name",
  "kvk_number",
  "access",
  "counted_turnover_eur",
  "kor_limit_eur",
  "percent_of_limit",
  "status",
  "crossing_date",
  "union_turnover_eur",
  "union_limit_eur",
  "next_deadline",
  "next_deadline_date",
  "last_invoice_date",
  "open_alerts",
] as const;

const euros = (cents: number) => `${cents < 0 ? "-" : ""}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, "0")}`;
// CSV injection: a cell starting with these runs as a formula in a spreadsheet.
const text = (value: string | null) => (value ? (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) : "");

export function overviewCsv(rows: ClientRow[]): string {
  const data = rows.map((r) => [
    r.businessId,
    text(r.name),
    text(r.kvkNumber),
    r.access,
    euros(r.countedCents),
    euros(r.limitCents),
    r.percent.toFixed(1),
    r.status,
    r.crossingDate ?? "",
    r.union ? euros(r.union.cents) : "",
    r.union ? euros(r.union.limitCents) : "",
    r.nextDeadline?.kind ?? "",
    r.nextDeadline?.date ?? "",
    r.lastInvoiceDate ?? "",
    String(r.openAlerts),
  ]);
  return Papa.unparse({ fields: [...OVERVIEW_CSV_COLUMNS], data }, { newline: "\r\n" });
}

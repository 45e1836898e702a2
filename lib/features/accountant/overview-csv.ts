// The overview as CSV: every matching client, in the order shown, amounts in euros with a
// decimal point, dates as YYYY-MM-DD, statuses as stable codes.
import { writeCsv } from "@/lib/platform/http/csv";
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

const euros = (cents: number) =>
  `${cents < 0 ? "-" : ""}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, "0")}`;

export function overviewCsv(rows: ClientRow[]): string {
  const data = rows.map((r) => [
    r.businessId,
    r.name,
    r.kvkNumber,
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
  return writeCsv(OVERVIEW_CSV_COLUMNS, data);
}

// The EU-KOR quarterly report figures of one business and year (build-quarterly-report.ts),
// from the books after the access check (lib/features/books/read-books.ts; an outsider gets NOT_FOUND), and as CSV through the one writer.
import { readBooks, validYear } from "@/lib/features/books/read-books";
import { listDeadlinesDone } from "@/lib/features/deadlines/deadline-done";
import { euKorReportKey } from "@/lib/features/deadlines/deadline-key";
import type { Caller } from "@/lib/features/businesses/access";
import { writeCsv } from "@/lib/platform/http/csv";
import { buildQuarterlyReports, type QuarterlyReports } from "@/lib/features/eu-kor/build-quarterly-report";

export async function getQuarterlyReports(options: { caller: Caller; businessId: string; year: unknown }): Promise<QuarterlyReports> {
  const { caller, businessId } = options;
  const year = validYear(options.year);
  const [{ input, output }, done] = await Promise.all([readBooks({ caller, businessId, year }), listDeadlinesDone({ businessId })]);
  const reports = buildQuarterlyReports({ year, input, output });
  // Each quarter's report as marked filed (the same mark as on the dashboard).
  for (const quarter of reports.quarters) quarter.filedOn = done.get(euKorReportKey(quarter.quarter)) ?? null;
  return reports;
}

export const QUARTERLY_REPORT_COLUMNS = ["quarter", "due_date", "member_state", "net_cents", "net_eur", "rule"] as const;

/** One row per quarter and member state (every state, 0 where none), in the report's order. */
export async function exportQuarterlyReports(options: { caller: Caller; businessId: string; year: unknown }): Promise<string> {
  const reports = await getQuarterlyReports(options);
  const rows = reports.quarters.flatMap((quarter) =>
    quarter.lines.map((line) => [
      quarter.quarter,
      quarter.dueDate ?? "",
      line.state,
      line.netCents,
      (line.netCents / 100).toFixed(2),
      reports.rule,
    ]),
  );
  return writeCsv(QUARTERLY_REPORT_COLUMNS, rows);
}

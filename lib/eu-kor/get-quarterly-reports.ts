// The EU-KOR quarterly report figures of one business and year (build-quarterly-report.ts),
// after the access check (an outsider gets NOT_FOUND), and as CSV through the one writer.
import { requireBusinessAccess, type Caller } from "@/lib/businesses/access";
import { AppError } from "@/lib/errors";
import { writeCsv } from "@/lib/http/csv";
import { evaluate } from "@/lib/kor/evaluate";
import { asOfForYear } from "@/lib/turnover/get-turnover";
import { loadEngineInput } from "@/lib/turnover/load-engine-input";
import { buildQuarterlyReports, type QuarterlyReports } from "@/lib/eu-kor/build-quarterly-report";
import { listDeadlinesDone } from "@/lib/deadlines/deadline-done";
import { euKorReportKey } from "@/lib/deadlines/deadline-key";

export async function getQuarterlyReports(options: { caller: Caller; businessId: string; year: unknown }): Promise<QuarterlyReports> {
  const { caller, businessId } = options;
  const year = Number(options.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new AppError("VALIDATION_FAILED", "Invalid year", { fields: { year: "validation.year" } });
  }
  await requireBusinessAccess({ caller, businessId, need: "read" });
  const [input, done] = await Promise.all([loadEngineInput({ businessId, asOf: asOfForYear(year) }), listDeadlinesDone({ businessId })]);
  const reports = buildQuarterlyReports({ year, input, output: evaluate(input, { explain: true }) });
  // Each quarter's report as marked filed (the same mark as on the dashboard).
  for (const quarter of reports.quarters) quarter.filedOn = done.get(euKorReportKey(quarter.quarter)) ?? null;
  return reports;
}

export const QUARTERLY_REPORT_COLUMNS = ["quarter", "due_date", "member_state", "net_cents", "net_eur", "rule"] as const;

/** One row per quarter and member state (every state, 0 where none), in the report's order. */
export async function exportQuarterlyReports(options: { caller: Caller; businessId: string; year: unknown }): Promise<string> {
  const reports = await getQuarterlyReports(options);
  const rows = reports.quarters.flatMap((quarter) =>
    quarter.lines.map((line) => [quarter.quarter, quarter.dueDate ?? "", line.state, line.netCents, (line.netCents / 100).toFixed(2), reports.rule]),
  );
  return writeCsv(QUARTERLY_REPORT_COLUMNS, rows);
}

// The remediation table: this year's invoices without VAT after a crossing while in the
// KOR, with the VAT to invoice again or absorb, the first `listed` of them one by one.
import type { RemediationInfo } from "../dashboard.types";
import { refOf, ruleInfo, type BuildDashboardOptions } from "./card-options";

export function buildRemediation(options: BuildDashboardOptions, listed: number): RemediationInfo | null {
  const { output, year, invoices } = options;
  const remediation = output.kor.remediation;
  const remediationLines = remediation?.lines.filter((line) => line.date.startsWith(String(year))) ?? [];
  // VAT stays due after a crossing while in the KOR, also in later years: the selected
  // year's invoices without VAT are remedied against the last such crossing up to then.
  const remediationCrossing = output.kor.crossings
    .filter((c) => c.whileParticipating && c.year <= year)
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1);
  // The engine's remediation runs from the crossing on, later years included; this year's part here.
  return remediation && remediationCrossing && remediationLines.length > 0
    ? {
        ...ruleInfo(remediation),
        crossing: {
          year: remediationCrossing.year,
          date: remediationCrossing.date,
          invoice: refOf(invoices, remediationCrossing.transactionId),
        },
        reinvoiceVatCents: remediationLines.reduce((sum, line) => sum + line.reinvoiceVatCents, 0),
        absorbedVatCents: remediationLines.reduce((sum, line) => sum + line.absorbedVatCents, 0),
        netCents: remediationLines.reduce((sum, line) => sum + line.netCents, 0),
        lineCount: remediationLines.length,
        lines: remediationLines.slice(0, listed).map((line) => ({
          invoice: refOf(invoices, line.transactionId),
          date: line.date,
          netCents: line.netCents,
          ratePercent: line.ratePercent,
          reinvoiceVatCents: line.reinvoiceVatCents,
          absorbedVatCents: line.absorbedVatCents,
        })),
      }
    : null;
}

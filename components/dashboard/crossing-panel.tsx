// After a crossing: the invoice from which VAT is due, and the remediation calculator —
// re-invoice with VAT on top, or absorb the VAT — over the invoices concerned.
import { getTranslations } from "next-intl/server";
import type { CrossingInfo, RemediationInfo } from "@/lib/features/dashboard/dashboard.types";
import { formatCents, formatDate, type UiLanguage } from "@/lib/platform/i18n/format";
import { DashboardSection } from "./section";
import { ScrollBox } from "./scroll-box";
import { TableHead } from "./table-head";
import { ruleInWords } from "@/lib/kor";

/** Where the whole remediation list is downloaded as CSV (the page lists the first few). */
type Download = { downloadHref: string };

export async function CrossingPanel({
  crossing,
  remediation,
  language,
  downloadHref,
}: { crossing: CrossingInfo; remediation: RemediationInfo | null; language: UiLanguage } & Download) {
  const t = await getTranslations("dashboard");
  const money = (cents: number) => formatCents(cents, language);
  return (
    <DashboardSection id="crossing" title={t("crossing.title")} className="ring-2 ring-red-700">
      <p data-testid="crossing-invoice" className="font-semibold">
        {t("crossing.text", {
          invoice: crossing.invoice.number,
          customer: crossing.invoice.customerName,
          date: formatDate(crossing.date, language, "long"),
        })}
      </p>
      <p className="mt-1 text-sm">
        {t("crossing.before", { before: money(crossing.runningTotalBeforeCents), after: money(crossing.runningTotalAfterCents) })}
      </p>
      {crossing.whileParticipating ? null : <p className="mt-1 text-sm">{t("crossing.notParticipating")}</p>}
      {crossing.atRisk.length > 0 ? (
        <p className="mt-1 text-sm">{t("crossing.atRisk", { invoices: crossing.atRisk.map((r) => r.number).join(", ") })}</p>
      ) : null}
      <p className="mt-1 text-xs text-slate-700">{t("whyRule", { rule: ruleInWords(crossing.ruleId, language) })}</p>
      {remediation ? <RemediationCalculator remediation={remediation} language={language} downloadHref={downloadHref} /> : null}
    </DashboardSection>
  );
}

/** The two remedies over the year's invoices sent without VAT after the crossing (§3.3). */
async function RemediationCalculator({
  remediation,
  language,
  downloadHref,
}: { remediation: RemediationInfo; language: UiLanguage } & Download) {
  const t = await getTranslations("dashboard");
  const money = (cents: number) => formatCents(cents, language);
  return (
    <div className="mt-4">
      <h3 className="font-semibold">{t("remediation.title")}</h3>
      <p className="mt-1 text-sm">{t("remediation.intro")}</p>
      <ul className="mt-1 list-disc pl-5 text-sm">
        <li>{t("remediation.reinvoice", { amount: money(remediation.reinvoiceVatCents) })}</li>
        <li>{t("remediation.absorb", { amount: money(remediation.absorbedVatCents) })}</li>
      </ul>
      <p className="mt-2 text-sm">
        {remediation.lines.length < remediation.lineCount ? (
          <span data-testid="remediation-more">
            {t("remediation.more", { shown: remediation.lines.length, count: remediation.lineCount })}{" "}
          </span>
        ) : null}
        <a href={downloadHref} className="font-medium text-brand-700 underline" download>
          {t("remediation.download", { count: remediation.lineCount })}
        </a>
      </p>
      <ScrollBox label={t("remediation.title")} className="mt-2">
        <table className="stack-table w-full min-w-[32rem] text-left text-sm">
          <caption className="sr-only">{t("remediation.title")}</caption>
          <TableHead
            columns={[
              { label: t("col.invoice") },
              { label: t("col.date") },
              { label: t("col.amount"), end: true },
              { label: t("col.rate"), end: true },
              { label: t("col.reinvoice"), end: true },
              { label: t("col.absorb"), end: true },
            ]}
          />
          <tbody>
            {remediation.lines.map((line) => (
              <tr key={line.invoice.id} className="border-t border-slate-100">
                <th scope="row" className="pr-3 text-left font-medium">
                  {line.invoice.number}
                </th>
                <td data-label={t("col.date")} className="pr-3 whitespace-nowrap">
                  {formatDate(line.date, language)}
                </td>
                <td data-label={t("col.amount")} className="pr-3 text-right whitespace-nowrap">
                  {money(line.netCents)}
                </td>
                <td data-label={t("col.rate")} className="pr-3 text-right">
                  {line.ratePercent}%
                </td>
                <td data-label={t("col.reinvoice")} className="pr-3 text-right whitespace-nowrap">
                  {money(line.reinvoiceVatCents)}
                </td>
                <td data-label={t("col.absorb")} className="text-right whitespace-nowrap">
                  {money(line.absorbedVatCents)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-semibold">
              <th scope="row" colSpan={2} className="pr-3 text-left">
                {t("remediation.total")}
              </th>
              <td data-label={t("col.amount")} className="pr-3 text-right whitespace-nowrap">
                {money(remediation.netCents)}
              </td>
              <td />
              <td data-label={t("col.reinvoice")} className="pr-3 text-right whitespace-nowrap">
                {money(remediation.reinvoiceVatCents)}
              </td>
              <td data-label={t("col.absorb")} className="text-right whitespace-nowrap">
                {money(remediation.absorbedVatCents)}
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollBox>
      <p className="mt-1 text-xs text-slate-700">
        {t("whyRule", { rule: ruleInWords(remediation.ruleId, language) })}
        {remediation.interpretation ? ` · ${t("interpretation")}` : ""}
      </p>
    </div>
  );
}

/** A later year than the crossing: no new crossing, but this year's invoices without VAT still owe it. */
export async function EarlierCrossingPanel({
  remediation,
  year,
  language,
  downloadHref,
}: { remediation: RemediationInfo; year: number; language: UiLanguage } & Download) {
  const t = await getTranslations("dashboard");
  const { crossing } = remediation;
  return (
    <DashboardSection id="crossing" title={t("remediation.earlierTitle")} className="ring-2 ring-red-700">
      <p data-testid="crossing-invoice" className="font-semibold">
        {t("remediation.earlierText", { invoice: crossing.invoice.number, date: formatDate(crossing.date, language, "long"), year })}
      </p>
      <RemediationCalculator remediation={remediation} language={language} downloadHref={downloadHref} />
    </DashboardSection>
  );
}

// ICP and OSS figures of a year on the EU-KOR page (issue #20): per quarter the ICP lines
// (customer VAT number, goods, services) and, once OSS applies, the distance sales per
// member state with the VAT charged; sales still booked with Dutch VAT after the OSS start
// are named. Read-only: the user fills in the forms at the Belastingdienst.
import { getTranslations } from "next-intl/server";
import { ScrollBox } from "@/components/dashboard/scroll-box";
import { formatCents, formatDate, type UiLanguage } from "@/lib/platform/i18n/format";
import type { IcpOss } from "@/lib/features/eu-kor/build-icp-oss";
import { ruleInWords } from "@/lib/kor";
import { Card } from "@/components/ui/card";

export async function IcpOssSection({ figures, language, csvHref }: { figures: IcpOss; language: UiLanguage; csvHref: string }) {
  const t = await getTranslations("euKorFiling");
  const money = (cents: number) => formatCents(cents, language);
  const date = (iso: string) => formatDate(iso, language, "long");
  const interpretation = t("interpretation");
  return (
    <Card as="section" padding="compact" className="space-y-4" aria-labelledby="icp-oss-title">
      <h2 id="icp-oss-title" className="text-lg font-semibold">
        {t("icpOssTitle", { year: figures.year })}
      </h2>
      <p className="max-w-3xl text-slate-700">{t("icpOssIntro")}</p>
      <p className="text-sm">
        <a href={csvHref} className="font-medium text-brand-700 underline" download>
          {t("icpOssDownload", { year: figures.year })}
        </a>
      </p>
      <p className="text-sm text-slate-700" data-testid="oss-start">
        {figures.ossStart === null
          ? t("ossNotApplied", {
              total: money(figures.distanceSalesCents),
              threshold: figures.distanceSalesThresholdCents === null ? "—" : money(figures.distanceSalesThresholdCents),
            })
          : figures.ossStart.reason === "previousYear"
            ? t("ossFromPreviousYear", { date: date(figures.ossStart.from), threshold: money(figures.ossStart.thresholdCents) })
            : t("ossFromCrossing", {
                date: date(figures.ossStart.from),
                invoice: figures.ossStart.invoiceNumber ?? "",
                threshold: money(figures.ossStart.thresholdCents),
              })}
      </p>
      {figures.dutchVatAfterOssStart.length > 0 ? (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-900 ring-1 ring-red-200">
          {t("ossDutchVat", { invoices: figures.dutchVatAfterOssStart.map((i) => i.number).join(", ") })}
        </p>
      ) : null}
      {figures.quarters.map((quarter) => {
        const id = `icp-oss-${quarter.quarter}`;
        return (
          <div key={quarter.quarter} className="space-y-2">
            <h3 id={id} className="font-semibold">
              {t("quarter", { quarter: quarter.quarter })}
            </h3>
            {quarter.icp.length === 0 ? (
              <p className="text-sm text-slate-700">{t("icpNone")}</p>
            ) : (
              <ScrollBox label={`${t("icpCaption")} — ${t("quarter", { quarter: quarter.quarter })}`}>
                <table className="min-w-[20rem] text-left text-sm" aria-describedby={id}>
                  <caption className="text-left font-medium">{t("icpCaption")}</caption>
                  <thead>
                    <tr className="border-b border-slate-200">
                      <th scope="col" className="py-1 pr-4 font-semibold">
                        {t("vatId")}
                      </th>
                      <th scope="col" className="py-1 pr-4 font-semibold">
                        {t("customer")}
                      </th>
                      <th scope="col" className="py-1 pr-4 text-right font-semibold">
                        {t("goods")}
                      </th>
                      <th scope="col" className="py-1 text-right font-semibold">
                        {t("services")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {quarter.icp.map((line) => (
                      <tr key={`${line.vatId ?? ""}-${line.customerName}`} className="border-b border-slate-100">
                        <th scope="row" className="py-1 pr-4 font-normal">
                          {line.vatId ?? <span className="text-red-800">{t("vatIdMissing")}</span>}
                        </th>
                        <td className="py-1 pr-4">{line.customerName}</td>
                        <td className="py-1 pr-4 text-right tabular-nums">{money(line.goodsCents)}</td>
                        <td className="py-1 text-right tabular-nums">{money(line.servicesCents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            )}
            {quarter.oss.length === 0 ? (
              <p className="text-sm text-slate-700">{t("ossNone")}</p>
            ) : (
              <table className="min-w-[20rem] text-left text-sm" aria-describedby={id}>
                <caption className="text-left font-medium">{t("ossCaption")}</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-1 pr-4 font-semibold">
                      {t("state")}
                    </th>
                    <th scope="col" className="py-1 pr-4 text-right font-semibold">
                      {t("net")}
                    </th>
                    <th scope="col" className="py-1 text-right font-semibold">
                      {t("vat")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {quarter.oss.map((line) => (
                    <tr key={line.state} className="border-b border-slate-100">
                      <th scope="row" className="py-1 pr-4 font-normal">
                        {line.state}
                      </th>
                      <td className="py-1 pr-4 text-right tabular-nums">{money(line.netCents)}</td>
                      <td className="py-1 text-right tabular-nums">{money(line.vatCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
      <p className="text-sm text-slate-700">
        {t("rule", { rule: ruleInWords(figures.icpRule.ruleId, language) })} {figures.icpRule.interpretation ? `(${interpretation})` : ""}
        <br />
        {t("rule", { rule: ruleInWords(figures.ossRule.ruleId, language) })} {figures.ossRule.interpretation ? `(${interpretation})` : ""}
      </p>
    </Card>
  );
}

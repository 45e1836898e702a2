// The VAT return (btw-aangifte) figures of one year (issue #20): every filing period with
// whether a return is due (outside the KOR), filed or in need of a correction; ?period=
// opens one period's rubrieken with the documents behind them.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate, toLanguage } from "@/lib/platform/i18n/format";
import { BusinessNav } from "@/components/layout/business-nav";
import { formatEuros } from "@/components/vat-return/format";
import { PeriodReturn } from "@/components/vat-return/period-return";
import { getBusinessForPage } from "@/lib/platform/auth/page-guards";
import { canWrite } from "@/lib/features/businesses/access";
import { parseYearParam } from "@/lib/features/dashboard/get-dashboard";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { getVatReturn, getVatReturnYear } from "@/lib/features/vat-return/get-vat-return";
import { parsePeriodLabel } from "@/lib/features/vat-return/periods";
import { Card } from "@/components/ui/card";

type Props = { params: Promise<{ businessId: string }>; searchParams: Promise<{ year?: string | string[]; period?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { business } = await getBusinessForPage((await params).businessId);
  return { title: (await getTranslations("vatReturn"))("title", { name: business.name }) };
}

export default async function VatReturnPage({ params, searchParams }: Props) {
  const { user, business } = await getBusinessForPage((await params).businessId);
  const query = await searchParams;
  const periodParam = Array.isArray(query.period) ? query.period[0] : query.period;
  const period = periodParam && parsePeriodLabel(periodParam) ? periodParam : null;
  const year = period ? Number(period.slice(0, 4)) : parseYearParam(query.year);
  const caller = { userId: user.id };
  const [t, locale, overview] = await Promise.all([
    getTranslations("vatReturn"),
    getLocale(),
    getVatReturnYear({ caller, businessId: business.id, year }),
  ]);
  const language = toLanguage(locale);
  // Without ?period=: the first period that needs doing, else the last one filed.
  const chosen =
    period ??
    overview.periods.find((p) => p.status === "correctionNeeded" || p.status === "open")?.label ??
    overview.periods.findLast((p) => p.status === "filed")?.label ??
    null;
  const detail = chosen ? await getVatReturn({ caller, businessId: business.id, period: chosen }) : null;
  const base = `/businesses/${business.id}/vat-return`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("heading", { year })}</h1>
      <BusinessNav businessId={business.id} current="vatReturn" />
      <p className="max-w-3xl text-slate-700">{t("intro")}</p>
      <nav aria-label={t("periodsTitle")} className="flex flex-wrap gap-4 text-sm">
        <Link href={`${base}?year=${year - 1}`} className="font-medium text-brand-700 underline">
          {t("previousYear", { year: year - 1 })}
        </Link>
        <Link href={`${base}?year=${year + 1}`} className="font-medium text-brand-700 underline">
          {t("nextYear", { year: year + 1 })}
        </Link>
      </nav>
      <Card as="section" padding="none" aria-labelledby="periods-title">
        <h2 id="periods-title" className="px-3 pt-3 text-lg font-semibold">
          {t("periodsTitle")}
        </h2>
        <div className="overflow-x-auto">
          <table className="stack-table w-full min-w-[32rem] text-left text-sm" data-testid="vat-return-periods">
            <caption className="sr-only">{t("periodsTitle")}</caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("col.period")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("col.due")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("col.status")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  {t("col.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.periods.map((p) => (
                <tr key={p.label} className="border-b border-slate-100" aria-current={p.label === chosen ? "true" : undefined}>
                  <th scope="row" className="px-3 py-2">
                    <Link
                      href={`${base}?period=${p.label}`}
                      className="font-medium text-brand-700 underline"
                      aria-label={t("open", { period: p.label })}
                    >
                      {p.label}
                    </Link>
                  </th>
                  <td data-label={t("col.due")} className="whitespace-nowrap px-3 py-2">
                    {p.required ? formatDate(p.dueDate, language) : ""}
                  </td>
                  <td data-label={t("col.status")} className="px-3 py-2">
                    {t(`status.${p.status}`)}
                    {p.filedOn ? ` (${formatDate(p.filedOn, language)})` : ""}
                  </td>
                  <td data-label={t("col.total")} className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                    {p.required || p.filedOn ? formatEuros(p.vatEuros5g, language) : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      {detail ? (
        <PeriodReturn businessId={business.id} data={detail} language={language} canWrite={canWrite(business)} today={amsterdamToday()} />
      ) : null}
    </div>
  );
}

// The EU-KOR quarterly report figures of one year, read-only (issue #20): per quarter the
// supplies per member state in euro, ready to copy into the Belastingdienst's form, with
// the due date and a CSV of every state. A business under the EU-KOR marks each quarter's
// report as filed here ("Ingediend op …"), the same mark the dashboard shows.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate, toLanguage } from "@/lib/platform/i18n/format";
import { CrossingNoticeSection } from "@/components/eu-kor/crossing-notice";
import { BusinessNav } from "@/components/layout/business-nav";
import { getBusinessForPage } from "@/lib/platform/auth/page-guards";
import { parseYearParam } from "@/lib/features/dashboard/get-dashboard";
import { getQuarterlyReports } from "@/lib/features/eu-kor/get-quarterly-reports";
import { Card } from "@/components/ui/card";
import { getIcpOss } from "@/lib/features/eu-kor/get-icp-oss";
import { IcpOssSection } from "@/components/eu-kor/icp-oss-section";
import { MemberStateSuppliesTable } from "@/components/eu-kor/member-state-supplies-table";
import { DeadlineDoneForm } from "@/components/deadlines/deadline-done-form";
import { canWrite } from "@/lib/features/businesses/access";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { euKorReportKey, failedDeadlineKey } from "@/lib/features/deadlines/deadline-key";
import { rulesFor, firstDayOfQuarter, parseQuarterLabel } from "@/lib/kor";

type Props = {
  params: Promise<{ businessId: string }>;
  searchParams: Promise<{ year?: string | string[]; deadline?: string | string[]; key?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { business } = await getBusinessForPage((await params).businessId);
  return { title: (await getTranslations("euKorReport"))("title", { name: business.name }) };
}

export default async function EuKorReportPage({ params, searchParams }: Props) {
  const { user, business } = await getBusinessForPage((await params).businessId);
  const query = await searchParams;
  const year = parseYearParam(query.year);
  const failedKey = failedDeadlineKey(query);
  const today = amsterdamToday();
  // A report can be marked filed once its quarter has begun, by a business under the EU-KOR.
  const markable = (quarter: string) => {
    const q = parseQuarterLabel(quarter);
    return business.euKor !== null && rulesFor(year).euKorAvailable && q !== null && firstDayOfQuarter(q.year, q.quarter) <= today;
  };
  const [t, tFiling, locale, reports, icpOss] = await Promise.all([
    getTranslations("euKorReport"),
    getTranslations("euKorFiling"),
    getLocale(),
    getQuarterlyReports({ caller: { userId: user.id }, businessId: business.id, year }),
    getIcpOss({ caller: { userId: user.id }, businessId: business.id, year }),
  ]);
  const language = toLanguage(locale);
  const base = `/businesses/${business.id}/invoices`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("heading", { year })}</h1>
      <BusinessNav businessId={business.id} current="invoices" />
      <p className="max-w-3xl text-slate-700">{t("intro", { rule: reports.rule })}</p>
      {business.euKor ? (
        <p className="text-sm text-slate-700" data-testid="eu-kor-ex-number">
          {tFiling("exNumber", {
            exNumber: business.euKor.exNumber ?? tFiling("pdfNoExNumber"),
            from: business.euKor.from ? formatDate(business.euKor.from, language, "long") : tFiling("pdfNoFrom"),
          })}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-4 text-sm">
        <Link href={`${base}/eu-kor?year=${year - 1}`} className="font-medium text-brand-700 underline">
          {t("previousYear", { year: year - 1 })}
        </Link>
        <Link href={`${base}/eu-kor?year=${year + 1}`} className="font-medium text-brand-700 underline">
          {t("nextYear", { year: year + 1 })}
        </Link>
        <a href={`${base}/eu-kor-report?year=${year}`} className="font-medium text-brand-700 underline" download>
          {t("download", { year })}
        </a>
      </div>
      {reports.notices.map((notice) => (
        <CrossingNoticeSection key={notice.transactionId} notice={notice} language={language} />
      ))}
      {reports.quarters.map((quarter) => {
        const withSupplies = quarter.lines.filter((line) => line.netCents !== 0);
        const titleId = `quarter-${quarter.quarter}`;
        return (
          <Card as="section" padding="compact" key={quarter.quarter} aria-labelledby={titleId}>
            <h2 id={titleId} className="text-lg font-semibold">
              {t("quarter", { quarter: quarter.quarter })}
            </h2>
            {quarter.dueDate ? (
              <p className="mb-2 text-sm text-slate-700">{t("due", { date: formatDate(quarter.dueDate, language, "long") })}</p>
            ) : null}
            {quarter.filedOn || markable(quarter.quarter) ? (
              <div className="mb-3">
                <DeadlineDoneForm
                  businessId={business.id}
                  year={year}
                  deadlineKey={euKorReportKey(quarter.quarter)}
                  doneOn={quarter.filedOn}
                  today={today}
                  canWrite={canWrite(business)}
                  language={language}
                  returnTo="euKor"
                  failed={euKorReportKey(quarter.quarter) === failedKey}
                />
              </div>
            ) : null}
            {withSupplies.length === 0 ? (
              <p className="text-slate-700">{t("none")}</p>
            ) : (
              <MemberStateSuppliesTable
                lines={withSupplies}
                totalCents={quarter.totalCents}
                language={language}
                labels={{ caption: t("quarter", { quarter: quarter.quarter }), state: t("state"), amount: t("amount"), total: t("total") }}
              />
            )}
            {withSupplies.length > 0 && withSupplies.length < quarter.lines.length ? (
              <p className="mt-2 text-sm text-slate-600">{t("othersZero")}</p>
            ) : null}
          </Card>
        );
      })}
      <IcpOssSection figures={icpOss} language={language} csvHref={`${base}/icp-oss-report?year=${year}`} />
    </div>
  );
}

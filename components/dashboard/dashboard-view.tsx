// The business dashboard for one year: status against the KOR limit, what to do next,
// the crossing and its remedies, the charts, the EU figures, deadlines and the two
// planners. Fetches once (getDashboard: one load, one engine evaluation; the saved
// investment goods beside it) and renders.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDashboard } from "@/lib/features/dashboard/get-dashboard";
import { listInvestmentGoods } from "@/lib/features/investment-goods/list-investment-goods";
import { planYears, revisionPlans } from "@/lib/features/investment-goods/revision-plan";
import { ActionsPanel } from "./actions-panel";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { CrossingPanel, EarlierCrossingPanel } from "./crossing-panel";
import { CumulativeChart } from "./cumulative-chart";
import { DeadlinesList } from "./deadlines-list";
import { EuSection } from "./eu-section";
import { formatCents, formatDate, toLanguage } from "@/lib/platform/i18n/format";
import { KorComparisonForm } from "./kor-comparison-form";
import { MonthlyChart } from "./monthly-chart";
import { ParticipationPanel } from "./participation-panel";
import { ProgressCard } from "./progress-card";
import { RevisionPlanner } from "./revision-planner";
import { DashboardSection } from "./section";
import { YearSelect } from "./year-select";

export async function DashboardView({
  userId,
  businessId,
  year,
  canWrite,
  deregistrationFailed = false,
  deadlineFailedKey = null,
}: {
  userId: string;
  businessId: string;
  year: number;
  canWrite: boolean;
  deregistrationFailed?: boolean;
  /** The deadline whose done-mark was just refused: only its form shows the error. */
  deadlineFailedKey?: string | null;
}) {
  const caller = { userId };
  const [data, goods, t, locale] = await Promise.all([
    getDashboard({ caller, businessId, year }),
    listInvestmentGoods({ caller, businessId }),
    getTranslations("dashboard"),
    getLocale(),
  ]);
  const language = toLanguage(locale);
  const remediationCsv = `/businesses/${businessId}/invoices/remediation?year=${data.year}`;
  const yearHasInvoices = data.why.kor.counted.count + data.why.kor.notCounted.count > 0;
  return (
    <div className="space-y-6" data-testid="dashboard">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <YearSelect years={data.years} year={data.year} />
        <p className="text-sm text-slate-700">{t("asOf", { date: formatDate(data.asOf, language, "long") })}</p>
      </div>
      {!yearHasInvoices ? (
        <section aria-labelledby="empty-title" className="rounded-lg bg-brand-50 p-4 sm:p-6">
          <h2 id="empty-title" className="text-lg font-semibold">
            {t("empty.title", { year: data.year })}
          </h2>
          <p className="mt-1 text-sm">{t("empty.text", { limit: formatCents(data.progress.limitCents, language) })}</p>
          <p className="mt-3 flex flex-wrap gap-3">
            <Link
              href={`/businesses/${businessId}/invoices/new`}
              className="rounded bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              {t("empty.newInvoice")}
            </Link>
            <Link
              href={`/businesses/${businessId}/import`}
              className="rounded border border-brand-700 px-3 py-2 text-sm font-medium text-brand-800 hover:bg-white"
            >
              {t("empty.import")}
            </Link>
          </p>
        </section>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <ProgressCard data={data} language={language} />
        <ActionsPanel
          actions={data.actions}
          language={language}
          businessId={businessId}
          year={data.year}
          today={amsterdamToday()}
          canWrite={canWrite}
          doneFailedKey={deadlineFailedKey}
        />
      </div>
      {data.participation ? (
        <ParticipationPanel
          data={{ ...data, participation: data.participation }}
          language={language}
          canWrite={canWrite}
          failed={deregistrationFailed}
        />
      ) : null}
      {data.crossing ? (
        <CrossingPanel crossing={data.crossing} remediation={data.remediation} language={language} downloadHref={remediationCsv} />
      ) : data.remediation ? (
        <EarlierCrossingPanel remediation={data.remediation} year={data.year} language={language} downloadHref={remediationCsv} />
      ) : null}
      <DashboardSection id="cumulative" title={t("cumulative.title", { year: data.year })}>
        <CumulativeChart series={data.cumulative} year={data.year} language={language} />
      </DashboardSection>
      <DashboardSection id="monthly" title={t("monthly.title")}>
        <MonthlyChart months={data.monthly} year={data.year} language={language} />
      </DashboardSection>
      {data.eu ? <EuSection eu={data.eu} data={data} language={language} /> : null}
      <DeadlinesList deadlines={data.deadlines} language={language} />
      <div className="grid gap-6 lg:grid-cols-2">
        <DashboardSection id="comparison" title={t("comparison.title")}>
          <KorComparisonForm businessId={businessId} comparison={data.comparison} year={data.year} canWrite={canWrite} />
        </DashboardSection>
        <DashboardSection id="revision" title={t("revision.title")}>
          <RevisionPlanner
            businessId={businessId}
            year={data.year}
            goods={goods}
            plans={revisionPlans(goods, planYears(data.year))}
            eventYears={planYears(data.year)}
            canWrite={canWrite}
          />
        </DashboardSection>
      </div>
    </div>
  );
}

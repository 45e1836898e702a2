import type { Metadata } from "next";
import { Suspense } from "react";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { DashboardSkeleton } from "@/components/dashboard/dashboard-skeleton";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { toLanguage } from "@/lib/platform/i18n/format";
import { KorPeriodItems, KorPeriodList } from "@/components/dashboard/kor-period-list";
import { BusinessNav } from "@/components/layout/business-nav";
import { getBusinessForPage } from "@/lib/platform/auth/page-guards";
import { canWrite } from "@/lib/features/businesses/access";
import { failedDeadlineKey } from "@/lib/features/deadlines/deadline-key";
import { parseYearParam } from "@/lib/features/dashboard/get-dashboard";
import { Card } from "@/components/ui/card";

type Props = {
  params: Promise<{ businessId: string }>;
  searchParams: Promise<{
    year?: string | string[];
    deregistration?: string | string[];
    deadline?: string | string[];
    key?: string | string[];
  }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { business } = await getBusinessForPage((await params).businessId);
  return { title: business.name };
}

export default async function BusinessPage({ params, searchParams }: Props) {
  // The access check first: an outsider gets the real 404, never a streamed 200.
  const { user, business } = await getBusinessForPage((await params).businessId);
  const [t, tFiling, query, locale, requestHeaders] = await Promise.all([
    getTranslations("business"),
    getTranslations("euKorFiling"),
    searchParams,
    getLocale(),
    headers(),
  ]);
  const language = toLanguage(locale);
  const year = parseYearParam(query.year);
  const view = (
    <DashboardView
      userId={user.id}
      businessId={business.id}
      year={year}
      canWrite={canWrite(business)}
      deregistrationFailed={query.deregistration === "invalid"}
      deadlineFailedKey={failedDeadlineKey(query)}
    />
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{business.name}</h1>
      <BusinessNav businessId={business.id} current="overview" />
      {/* A page load carries the figures in its first HTML: the status card is the page's largest
          paint, and behind a Suspense boundary it showed only once the browser had run the
          framework's scripts (React reveals streamed boundaries in an animation frame), on a
          phone about twice as late as the first paint. A navigation inside the app (Next.js's
          router asks with the RSC header) streams them behind the skeleton, keyed by year so
          a new year shows the skeleton again instead of the old year's figures. */}
      {requestHeaders.has("rsc") ? (
        <Suspense key={year} fallback={<DashboardSkeleton />}>
          {view}
        </Suspense>
      ) : (
        view
      )}
      <div className="grid gap-6 md:grid-cols-2">
        <Card as="section" aria-labelledby="details-title">
          <h2 id="details-title" className="mb-3 text-lg font-semibold">
            {t("details")}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">{t("kvkNumber")}</dt>
            <dd>{business.kvkNumber ?? t("none")}</dd>
            <dt className="text-slate-600">{t("vatNumber")}</dt>
            <dd>{business.vatNumber ?? t("none")}</dd>
            <dt className="text-slate-600">{t("filingPeriod")}</dt>
            <dd>{t(business.filingPeriod)}</dd>
          </dl>
          <p className="mt-4 text-sm">
            <a
              href={`/businesses/${business.id}/invoices/statement/pdf?year=${year}`}
              className="font-medium text-brand-700 underline"
              download
            >
              {tFiling("dashboardPdfLink", { year })}
            </a>
          </p>
        </Card>
        <Card as="section" aria-labelledby="kor-title">
          <h2 id="kor-title" className="mb-3 text-lg font-semibold">
            {t("korTitle")}
          </h2>
          {business.korParticipations.length === 0 ? (
            <p className="text-sm">{t("korNone")}</p>
          ) : (
            // A period a crossing ended shows as ended on the crossing date; until the evaluation is in, as stored.
            <Suspense key={year} fallback={<KorPeriodItems periods={business.korParticipations} endings={new Map()} language={language} />}>
              <KorPeriodList
                userId={user.id}
                businessId={business.id}
                year={year}
                periods={business.korParticipations}
                language={language}
              />
            </Suspense>
          )}
          <h3 className="mb-2 mt-4 font-semibold">{t("euKorTitle")}</h3>
          <p className="text-sm">
            {business.euKor ? t("euKorStates", { states: business.euKor.memberStates.join(", ") || t("none") }) : t("euKorNone")}
          </p>
        </Card>
      </div>
    </div>
  );
}

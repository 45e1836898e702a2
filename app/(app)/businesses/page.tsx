// The caller's businesses as cards (one column on a phone): per business this year's
// counted turnover against the KOR limit, the status and the next deadline, so an owner
// of several sees where each stands without opening it (issue #16).
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatCents, formatDate, toLanguage } from "@/lib/platform/i18n/format";
import { linkButtonClass } from "@/components/ui/button";
import { requireUser } from "@/lib/platform/auth/current-user";
import { listBusinessRows, type BusinessListStatus } from "@/lib/features/businesses/list-business-rows";
import { formatPercent } from "@/lib/kor";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("businesses"))("title") };
}

const STATUS_STYLE: Record<BusinessListStatus, string> = {
  inKor: "bg-green-50 text-green-900 ring-green-700/30",
  crossed: "bg-red-50 text-red-900 ring-red-700/30",
  notInKor: "bg-slate-100 text-slate-800 ring-slate-400/40",
};

export default async function BusinessesPage() {
  const user = await requireUser();
  const [t, td, locale, businesses] = await Promise.all([
    getTranslations("businesses"),
    getTranslations("dashboard.deadlines.kind"),
    getLocale(),
    listBusinessRows({ caller: { userId: user.id } }),
  ]);
  const language = toLanguage(locale);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/businesses/new" className={linkButtonClass}>
          {t("new")}
        </Link>
      </div>
      {businesses.length === 0 ? (
        <section className="rounded-lg border-2 border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="mb-4 text-slate-700">{t("empty")}</p>
          <Link href="/businesses/new" className={linkButtonClass}>
            {t("createFirst")}
          </Link>
        </section>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="business-list">
          {businesses.map((business) => {
            const titleId = `business-${business.businessId}`;
            const percent = formatPercent(business.percent, language);
            return (
              <Card as="li" padding="compact" className="flex flex-col gap-3" key={business.businessId} aria-labelledby={titleId}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <h2 id={titleId} className="text-lg font-semibold break-words">
                      <Link href={`/businesses/${business.businessId}`} className="text-brand-700 underline-offset-2 hover:underline">
                        {business.name}
                      </Link>
                    </h2>
                    <p className="text-sm text-slate-600">{t(`role.${business.role}`)}</p>
                  </div>
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${STATUS_STYLE[business.status]}`}
                    data-testid="business-status"
                  >
                    {t(`status.${business.status}`)}
                  </span>
                </div>
                <div>
                  <p className="text-sm" data-testid="business-turnover">
                    {t("turnover", {
                      year: business.year,
                      amount: formatCents(business.countedCents, language),
                      percent,
                      limit: formatCents(business.limitCents, language),
                    })}
                  </p>
                  <div
                    role="meter"
                    aria-label={t("meter", { year: business.year })}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={Math.min(100, business.percent)}
                    aria-valuetext={`${percent}%`}
                    className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200"
                  >
                    <div
                      className={`h-full ${business.status === "crossed" ? "bg-red-700" : "bg-brand-600"}`}
                      style={{ width: `${Math.min(100, business.percent)}%` }}
                    />
                  </div>
                </div>
                <p className="text-sm" data-testid="business-deadline">
                  {business.nextDeadline
                    ? t("nextDeadline", {
                        date: formatDate(business.nextDeadline.date, language, "long"),
                        kind: td(business.nextDeadline.kind),
                      })
                    : t("noDeadline")}
                </p>
              </Card>
            );
          })}
        </ul>
      )}
    </div>
  );
}

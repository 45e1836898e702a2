// Union turnover against the EU-KOR limit, each member state against its own threshold
// (highest risk first) and distance sales against the €10,000 threshold of art. 59c.
import { getTranslations } from "next-intl/server";
import type { DashboardData, EuSection as EuData } from "@/lib/features/dashboard/dashboard.types";
import { formatCents, formatDate, formatPercent, type UiLanguage } from "@/lib/platform/i18n/format";
import { DashboardSection } from "./section";
import { WhyPanel } from "./why-panel";

function Bar({ percent, danger }: { percent: number; danger: boolean }) {
  return (
    <div className="h-3 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
      <div
        className={`h-3 ${danger ? "bg-red-600" : percent >= 80 ? "bg-amber-500" : "bg-brand-600"}`}
        style={{ width: `${Math.min(100, percent)}%` }}
      />
    </div>
  );
}

export async function EuSection({ eu, data, language }: { eu: EuData; data: DashboardData; language: UiLanguage }) {
  const t = await getTranslations("dashboard");
  const money = (cents: number) => formatCents(cents, language);
  const union = t("eu.union", {
    year: data.year,
    amount: money(eu.unionCents),
    limit: money(eu.unionLimitCents),
    percent: formatPercent(eu.unionPercent, language),
  });
  return (
    <DashboardSection id="eu" title={t("eu.title")}>
      {eu.euKorEnabled ? null : <p className="mb-2 text-sm">{t("eu.notEnabled")}</p>}
      <p className="font-semibold">{union}</p>
      <div className="mt-2">
        <Bar percent={eu.unionPercent} danger={eu.unionPercent > 100} />
      </div>
      {eu.crossing ? (
        <p className="mt-2 font-semibold text-red-800">
          {t("eu.crossing", {
            date: formatDate(eu.crossing.date, language, "long"),
            invoice: eu.crossing.invoice.number,
            notifyBy: formatDate(eu.crossing.notifyBy, language, "long"),
          })}
        </p>
      ) : null}
      <p className="mt-3 text-sm">
        {eu.distanceSalesLimitCents === null
          ? t("eu.distanceNone", { amount: money(eu.distanceSalesCents) })
          : t("eu.distance", { amount: money(eu.distanceSalesCents), limit: money(eu.distanceSalesLimitCents) })}
      </p>
      <h3 className="mt-4 font-semibold">{t("eu.statesTitle")}</h3>
      <ul className="mt-2 space-y-3">
        {eu.memberStates.map((row) => (
          <li key={row.state} className="text-sm">
            <p>
              <span className="font-semibold">{row.state}</span>: {money(row.turnoverCents)}{" "}
              {row.thresholdCents === null
                ? `(${t("eu.noThreshold")})`
                : `/ ${money(row.thresholdCents)} (${formatPercent(row.percent ?? 0, language)}%)`}
              {row.usesEuKor ? ` · ${t("eu.usesEuKor")}` : ""}
              {row.crossedOn ? ` · ${t("eu.crossedOn", { date: formatDate(row.crossedOn, language) })}` : ""}
            </p>
            {row.percent !== null ? <Bar percent={row.percent} danger={row.crossedOn !== null || row.percent > 100} /> : null}
          </li>
        ))}
      </ul>
      <WhyPanel id="why-union" figure={data.why.union} label={union} language={language} />
    </DashboardSection>
  );
}

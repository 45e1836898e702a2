// Where the business stands against the KOR limit: amount, percentage, the 80% and 95%
// marks, the room left, and the status in words, colour and symbol.
import { getTranslations } from "next-intl/server";
import type { DashboardData, KorStatus } from "@/lib/features/dashboard/dashboard.types";
import { formatCents, formatPercent, type UiLanguage } from "@/lib/platform/i18n/format";
import { DashboardSection } from "./section";
import { WhyPanel } from "./why-panel";

const STATUS_STYLE: Record<KorStatus, { badge: string; bar: string; symbol: string }> = {
  safe: { badge: "bg-green-100 text-green-900 ring-green-700", bar: "bg-green-600", symbol: "✓" },
  approaching: { badge: "bg-amber-100 text-amber-950 ring-amber-700", bar: "bg-amber-500", symbol: "!" },
  crossed: { badge: "bg-red-100 text-red-900 ring-red-700", bar: "bg-red-600", symbol: "✕" },
  notInKor: { badge: "bg-slate-100 text-slate-900 ring-slate-500", bar: "bg-slate-500", symbol: "–" },
};

export async function ProgressCard({ data, language }: { data: DashboardData; language: UiLanguage }) {
  const t = await getTranslations("dashboard");
  const { progress, year } = data;
  const style = STATUS_STYLE[progress.status];
  const limit = formatCents(progress.limitCents, language);
  const over = progress.countedCents - progress.limitCents;
  // The bar's scale runs to the limit, or further when the total is past it.
  const scale = Math.max(progress.limitCents, progress.countedCents);
  const at = (cents: number) => `${Math.max(0, Math.min(100, (cents / scale) * 100))}%`;
  return (
    <DashboardSection id="progress" title={t("progress.title", { year })}>
      <p className="flex flex-wrap items-center gap-3">
        <span
          data-testid="kor-status"
          className={`inline-flex items-center gap-1 rounded-full px-3 py-1 text-sm font-semibold ring-1 ${style.badge}`}
        >
          <span aria-hidden="true">{style.symbol}</span>
          {t(`progress.status.${progress.status}`)}
        </span>
      </p>
      <p className="mt-3 text-2xl font-bold" data-testid="kor-progress-amount">
        {t("progress.summary", {
          counted: formatCents(progress.countedCents, language),
          limit,
          percent: formatPercent(progress.percent, language),
        })}
      </p>
      <div className="relative mt-4 mb-8" aria-hidden="true">
        <div className="h-4 w-full overflow-hidden rounded-full bg-slate-200">
          <div className={`h-4 ${style.bar}`} style={{ width: at(progress.countedCents) }} />
        </div>
        {/* Labels point away from each other (the first ends at its line, the last starts
            at it), so 80% and 95% never overlap, however far past the limit the bar's
            scale runs. */}
        {progress.marks.map((mark, i) => (
          <div key={mark.percent} className="absolute top-0 h-6 border-l-2 border-slate-800" style={{ left: at(mark.cents) }}>
            <span
              data-testid="progress-mark-label"
              className={`absolute top-6 text-xs whitespace-nowrap text-slate-700 ${i < progress.marks.length - 1 ? "right-0.5" : "left-0"}`}
            >
              {mark.percent}%
            </span>
          </div>
        ))}
        <div className="absolute top-0 h-6 border-l-2 border-red-700" style={{ left: at(progress.limitCents) }} />
      </div>
      <p className="text-sm font-medium">
        {over > 0
          ? t("progress.over", { amount: formatCents(over, language) })
          : t("progress.roomLeft", { amount: formatCents(progress.roomLeftCents, language) })}
      </p>
      <ul className="mt-1 text-sm text-slate-700">
        {progress.marks.map((mark) => (
          <li key={mark.percent}>{t("progress.mark", { percent: mark.percent, amount: formatCents(mark.cents, language) })}</li>
        ))}
      </ul>
      <p className="mt-2 text-sm">{t(`progress.statusText.${progress.status}`, { limit })}</p>
      <WhyPanel
        id="why-kor"
        figure={data.why.kor}
        label={t("whyKorLabel", { year })}
        language={language}
        listHref={(side) => `/businesses/${data.businessId}/invoices?year=${year}&counted=${side === "counted" ? "yes" : "no"}`}
      />
    </DashboardSection>
  );
}

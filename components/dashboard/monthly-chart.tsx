// Turnover per month, split into what counts for the KOR and what does not, stacked by
// category group; each bar's title lists the month's categories. Counted and not counted
// stand side by side, so position and legend say it, not colour alone. Server-rendered
// SVG (svg-chart.tsx) first; chart-enhancement.tsx swaps in the Recharts version
// (monthly-recharts.tsx, a tooltip per category) once it is in view and the browser idle.
import { getTranslations } from "next-intl/server";
import { CATEGORIES } from "@/lib/kor";
import type { CategoryGroup, MonthBar } from "@/lib/features/dashboard/dashboard.types";
import { formatCents, formatEuroWhole, monthName, type UiLanguage } from "@/lib/platform/i18n/format";
import { MonthlyChartBox } from "./chart-enhancement";
import { COUNTED_COLORS, type MonthlyModel, NOT_COUNTED_COLORS } from "./chart-models";
import { ScrollBox } from "./scroll-box";
import { TableHead } from "./table-head";
import { MonthLabel, niceMaxCents, percent, ResponsivePlot, YAxisGrid, yTicks } from "./svg-chart";

const GROUPS: CategoryGroup[] = ["domestic", "eu", "outsideEu", "exempt", "other"];
const HEIGHT = 256;

export async function MonthlyChart({ months, year, language }: { months: MonthBar[]; year: number; language: UiLanguage }) {
  const t = await getTranslations("dashboard");
  const money = (cents: number) => formatCents(cents, language);
  const used = (side: "counted" | "notCounted") => GROUPS.filter((group) => months.some((m) => (m.groups[`${side}.${group}`] ?? 0) !== 0));
  const series = [
    ...used("counted").map((group) => ({ side: "counted" as const, group })),
    ...used("notCounted").map((group) => ({ side: "notCounted" as const, group })),
  ];
  const seriesName = (side: "counted" | "notCounted", group: CategoryGroup) =>
    t("monthly.seriesName", { group: t(`monthly.group.${group}`), side: t(`monthly.${side}`) });
  const counted = months.reduce((sum, m) => sum + m.countedCents, 0);
  const notCounted = months.reduce((sum, m) => sum + m.notCountedCents, 0);
  // Credit notes can make a group negative; bars start at zero and stack the positive parts.
  const maxY = niceMaxCents(Math.max(0, ...months.flatMap((m) => [m.countedCents, m.notCountedCents])));
  const categoryLines = (m: MonthBar) =>
    m.categories.map(
      (c) => `${CATEGORIES[c.category].label[language]} (${t(c.counted ? "monthly.counted" : "monthly.notCounted")}): ${money(c.cents)}`,
    );
  const monthTitle = (m: MonthBar) => [monthName(m.month, language), ...categoryLines(m)].join("\n");
  // Recharts reads a dotted dataKey as a path, so the interactive chart's keys use an underscore.
  const model: MonthlyModel = {
    rows: months.map((m) => ({
      month: m.month,
      ...Object.fromEntries(series.map((s) => [`${s.side}_${s.group}`, Math.max(0, m.groups[`${s.side}.${s.group}`] ?? 0)])),
    })),
    series: series.map((s) => ({
      key: `${s.side}_${s.group}`,
      name: seriesName(s.side, s.group),
      side: s.side,
      fill: s.side === "counted" ? COUNTED_COLORS[s.group] : NOT_COUNTED_COLORS[s.group],
    })),
    maxY,
    yTicks: yTicks(maxY).map((value) => ({ value, label: formatEuroWhole(value, language) })),
    monthLabels: Array.from({ length: 12 }, (_, i) => monthName(i + 1, language, "short")),
    tooltips: months.map((m) => ({ title: monthName(m.month, language), lines: categoryLines(m) })),
  };

  // Shares (0–1) of the plot area: a twelfth per month, two bars side by side in its middle.
  const slot = 1 / 12;
  const barWidth = slot * 0.32;
  const y = (cents: number) => 1 - cents / maxY;
  const labels = (
    <>
      <YAxisGrid max={maxY} label={(cents) => formatEuroWhole(cents, language)} />
      {months.map((m, i) => {
        const centre = slot * (i + 0.5);
        const bars = (["counted", "notCounted"] as const).map((side, sideIndex) => {
          let base = 0;
          const x = percent(centre - barWidth + sideIndex * barWidth);
          return series
            .filter((s) => s.side === side)
            .map((s) => {
              const value = Math.max(0, m.groups[`${s.side}.${s.group}`] ?? 0);
              if (value === 0) return null;
              const top = y(base + value);
              const bottom = y(base);
              base += value;
              return (
                <rect
                  key={`${s.side}.${s.group}`}
                  x={x}
                  y={percent(top)}
                  width={percent(barWidth)}
                  height={percent(bottom - top)}
                  fill={side === "counted" ? COUNTED_COLORS[s.group] : NOT_COUNTED_COLORS[s.group]}
                  stroke={side === "counted" ? undefined : "#334155"}
                  strokeDasharray={side === "counted" ? undefined : "3 2"}
                />
              );
            });
        });
        return (
          <g key={m.month}>
            <title>{monthTitle(m)}</title>
            <rect x={percent(centre - slot / 2)} y="0" width={percent(slot)} height="100%" fill="transparent" />
            {bars}
            <MonthLabel x={percent(centre)} index={i} anchor="middle">
              {monthName(m.month, language, "short")}
            </MonthLabel>
          </g>
        );
      })}
    </>
  );

  return (
    <div>
      <p className="text-sm" data-testid="monthly-summary">
        {t("monthly.summary", { year, counted: money(counted), notCounted: money(notCounted) })}
      </p>
      <MonthlyChartBox label={t("monthly.chartLabel")} model={model}>
        <ResponsivePlot height={HEIGHT} labels={labels} lines={null} />
      </MonthlyChartBox>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-800" aria-label={t("legend")}>
        {series.map((s) => (
          <li key={`${s.side}_${s.group}`} className="flex items-center gap-1">
            <svg width="12" height="12" aria-hidden="true">
              <rect
                x="0.5"
                y="0.5"
                width="11"
                height="11"
                fill={s.side === "counted" ? COUNTED_COLORS[s.group] : NOT_COUNTED_COLORS[s.group]}
                stroke="#334155"
                strokeDasharray={s.side === "counted" ? undefined : "2 1"}
              />
            </svg>
            {seriesName(s.side, s.group)}
          </li>
        ))}
      </ul>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-brand-700 underline">{t("cumulative.showTable")}</summary>
        <ScrollBox label={t("monthly.title")} className="mt-2">
          <table className="w-full min-w-[28rem] text-left text-xs sm:text-sm" data-testid="monthly-table">
            <caption className="sr-only">{t("monthly.title")}</caption>
            <TableHead
              columns={[
                { label: t("col.month") },
                { label: t("col.counted"), end: true },
                { label: t("col.notCounted"), end: true },
                { label: t("col.category") },
              ]}
            />
            <tbody>
              {months.map((m) => (
                <tr key={m.month} className="border-t border-slate-100 align-top">
                  <th scope="row" className="pr-3 text-left font-normal">
                    {monthName(m.month, language)}
                  </th>
                  <td className="pr-3 text-right whitespace-nowrap">{money(m.countedCents)}</td>
                  <td className="pr-3 text-right whitespace-nowrap">{money(m.notCountedCents)}</td>
                  <td>{m.categories.map((c) => `${CATEGORIES[c.category].label[language]}: ${money(c.cents)}`).join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </details>
    </div>
  );
}

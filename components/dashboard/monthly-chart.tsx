"use client";
// Turnover per month, split into what counts for the KOR and what does not, stacked by
// category group; the tooltip lists the month's categories. Counted and not counted
// stand side by side, so position and legend say it, not colour alone.
import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CATEGORIES } from "@/lib/kor/categories";
import type { CategoryGroup, MonthBar } from "@/lib/dashboard/dashboard.types";
import { formatCents, formatEuroWhole, monthName, toLanguage } from "./chart-format";
import { ScrollBox } from "./scroll-box";

const GROUPS: CategoryGroup[] = ["domestic", "eu", "outsideEu", "exempt", "other"];
const COUNTED_COLORS: Record<CategoryGroup, string> = { domestic: "#1e40af", eu: "#0f766e", outsideEu: "#7c3aed", exempt: "#b45309", other: "#475569" };
const NOT_COUNTED_COLORS: Record<CategoryGroup, string> = { domestic: "#93c5fd", eu: "#5eead4", outsideEu: "#c4b5fd", exempt: "#fcd34d", other: "#cbd5e1" };

type Row = Record<string, number | string> & { month: number };

export function MonthlyChart({ months, year }: { months: MonthBar[]; year: number }) {
  const t = useTranslations("dashboard");
  const language = toLanguage(useLocale());
  const money = (cents: number) => formatCents(cents, language);
  const used = (side: "counted" | "notCounted") => GROUPS.filter((group) => months.some((m) => (m.groups[`${side}.${group}`] ?? 0) !== 0));
  const series = [
    ...used("counted").map((group) => ({ side: "counted" as const, group })),
    ...used("notCounted").map((group) => ({ side: "notCounted" as const, group })),
  ];
  // Recharts reads a dotted dataKey as a path, so the keys use an underscore.
  const rows: Row[] = months.map((m) => {
    const row: Row = { month: m.month };
    for (const s of series) row[`${s.side}_${s.group}`] = m.groups[`${s.side}.${s.group}`] ?? 0;
    return row;
  });
  const seriesName = (side: "counted" | "notCounted", group: CategoryGroup) => t("monthly.seriesName", { group: t(`monthly.group.${group}`), side: t(`monthly.${side}`) });
  const counted = months.reduce((sum, m) => sum + m.countedCents, 0);
  const notCounted = months.reduce((sum, m) => sum + m.notCountedCents, 0);

  return (
    <div>
      <p className="text-sm" data-testid="monthly-summary">
        {t("monthly.summary", { year, counted: money(counted), notCounted: money(notCounted) })}
      </p>
      <div className="mt-3 h-64 w-full min-w-0" role="img" aria-label={t("monthly.chartLabel")}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="month" tickFormatter={(month: number) => monthName(month, language, "short")} tick={{ fontSize: 12, fill: "#334155" }} interval="preserveStartEnd" />
            <YAxis tickFormatter={(cents: number) => formatEuroWhole(cents, language)} width={72} tick={{ fontSize: 12, fill: "#334155" }} />
            <Tooltip
              isAnimationActive={false}
              content={({ active, label }) => {
                if (!active || label === undefined) return null;
                const month = months[Number(label) - 1];
                if (!month) return null;
                return (
                  <div className="rounded border border-slate-300 bg-white p-2 text-xs shadow">
                    <p className="font-semibold">{monthName(month.month, language)}</p>
                    <ul>
                      {month.categories.map((c) => (
                        <li key={`${c.category}:${c.counted}`}>
                          {CATEGORIES[c.category].label[language]} ({t(c.counted ? "monthly.counted" : "monthly.notCounted")}): {money(c.cents)}
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              }}
            />
            {series.map((s) => (
              <Bar
                key={`${s.side}_${s.group}`}
                dataKey={`${s.side}_${s.group}`}
                name={seriesName(s.side, s.group)}
                stackId={s.side}
                fill={s.side === "counted" ? COUNTED_COLORS[s.group] : NOT_COUNTED_COLORS[s.group]}
                stroke={s.side === "counted" ? undefined : "#334155"}
                strokeDasharray={s.side === "counted" ? undefined : "3 2"}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-800" aria-label={t("legend")}>
        {series.map((s) => (
          <li key={`${s.side}_${s.group}`} className="flex items-center gap-1">
            <svg width="12" height="12" aria-hidden="true">
              <rect x="0.5" y="0.5" width="11" height="11" fill={s.side === "counted" ? COUNTED_COLORS[s.group] : NOT_COUNTED_COLORS[s.group]} stroke="#334155" strokeDasharray={s.side === "counted" ? undefined : "2 1"} />
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
            <thead>
              <tr>
                <th scope="col" className="pr-3 font-medium">{t("col.month")}</th>
                <th scope="col" className="pr-3 text-right font-medium">{t("col.counted")}</th>
                <th scope="col" className="pr-3 text-right font-medium">{t("col.notCounted")}</th>
                <th scope="col" className="font-medium">{t("col.category")}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month} className="border-t border-slate-100 align-top">
                  <th scope="row" className="pr-3 text-left font-normal">{monthName(m.month, language)}</th>
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

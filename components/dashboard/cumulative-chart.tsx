"use client";
// Cumulative counted turnover through the year against the KOR limit: the year so far,
// the projection to 31 December with its low–high band, last year as a faint line and
// the crossing invoice marked. A text summary and a table say the same without the chart.
import { useLocale, useTranslations } from "next-intl";
import { Area, CartesianGrid, ComposedChart, Line, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CumulativeSeries } from "@/lib/dashboard/dashboard.types";
import { dateOfDay, dayOfYear } from "@/lib/dashboard/dates";
import { formatCents, formatDate, formatEuroWhole, monthName, toLanguage } from "./chart-format";
import { ScrollBox } from "./scroll-box";

const COLORS = { actual: "#1e40af", previous: "#94a3b8", projected: "#1e40af", band: "#bfdbfe", limit: "#b91c1c", crossing: "#b91c1c" };

type TooltipEntry = { dataKey?: unknown; value?: unknown; name?: unknown };

export function CumulativeChart({ series, year }: { series: CumulativeSeries; year: number }) {
  const t = useTranslations("dashboard");
  const language = toLanguage(useLocale());
  const money = (cents: number) => formatCents(cents, language);
  const limit = money(series.limitCents);
  const monthTicks = Array.from({ length: 12 }, (_, i) => dayOfYear(`${year}-${String(i + 1).padStart(2, "0")}-01`));
  const p = series.projection;
  const maxY = Math.max(series.limitCents, ...series.points.flatMap((point) => [point.actual ?? 0, point.previous ?? 0, point.band?.[1] ?? 0, point.projected ?? 0]));
  const actualTotal = series.points.filter((point) => point.actual !== undefined).at(-1)?.actual ?? 0;

  const summary = [
    t("cumulative.summary", { year, total: money(actualTotal), limit }),
    series.crossing ? t("cumulative.summaryCrossing", { date: formatDate(series.crossing.date, language, "long"), invoice: series.crossing.invoiceNumber }) : null,
    p && p.sufficientData ? t("cumulative.summaryProjection", { expected: money(p.expectedTotalCents), low: money(p.lowTotalCents), high: money(p.highTotalCents), interval: Math.round(p.interval * 100) }) : null,
    p && !p.sufficientData ? t("cumulative.insufficient") : null,
    p && p.sufficientData && !series.crossing
      ? p.expectedCrossingDate
        ? t("cumulative.summaryProjectedCrossing", {
            date: formatDate(p.expectedCrossingDate, language, "long"),
            earliest: formatDate(p.earliestCrossingDate ?? p.expectedCrossingDate, language),
            latest: p.latestCrossingDate ? formatDate(p.latestCrossingDate, language) : "31-12",
          })
        : t("cumulative.summaryNoCrossing")
      : null,
    series.previousYearTotalCents !== null ? t("cumulative.summaryPrevious", { year: series.previousYear, total: money(series.previousYearTotalCents) }) : null,
  ].filter(Boolean);

  const nameOf: Record<string, string> = {
    actual: t("cumulative.legendActual"),
    previous: t("cumulative.legendPrevious", { year: series.previousYear }),
    projected: t("cumulative.legendProjected"),
    band: t("cumulative.legendBand"),
  };

  return (
    <div>
      <p data-testid="cumulative-summary" className="text-sm">
        {summary.join(" ")}
      </p>
      {series.crossing ? (
        <p data-testid="crossing-marker" className="mt-1 flex items-center gap-2 text-sm font-semibold text-red-800">
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="6" fill={COLORS.crossing} />
          </svg>
          {t("cumulative.crossingMarker", { invoice: series.crossing.invoiceNumber })}
        </p>
      ) : null}
      <div className="mt-3 h-72 w-full min-w-0" role="img" aria-label={t("cumulative.chartLabel", { limit })}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={series.points} margin={{ top: 16, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="day" type="number" domain={[1, series.daysInYear]} ticks={monthTicks} tickFormatter={(day: number) => monthName(monthTicks.indexOf(day) + 1, language, "short")} interval="preserveStartEnd" tick={{ fontSize: 12, fill: "#334155" }} />
            <YAxis domain={[0, Math.ceil((maxY * 1.08) / 100_000) * 100_000]} tickFormatter={(cents: number) => formatEuroWhole(cents, language)} width={72} tick={{ fontSize: 12, fill: "#334155" }} />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(day) => formatDate(dateOfDay(year, Number(day)), language, "long")}
              formatter={(value, _name, entry: TooltipEntry) => {
                const key = String(entry.dataKey ?? "");
                const text = Array.isArray(value) ? `${money(Number(value[0]))} – ${money(Number(value[1]))}` : money(Number(value));
                return [text, nameOf[key] ?? key];
              }}
            />
            {p ? <Area dataKey="band" name={nameOf.band} stroke="none" fill={COLORS.band} fillOpacity={0.6} connectNulls isAnimationActive={false} /> : null}
            {series.previousYearTotalCents !== null ? (
              <Line dataKey="previous" name={nameOf.previous} type="stepAfter" stroke={COLORS.previous} strokeWidth={1.5} strokeDasharray="2 3" dot={false} connectNulls isAnimationActive={false} />
            ) : null}
            <Line dataKey="actual" name={nameOf.actual} type="stepAfter" stroke={COLORS.actual} strokeWidth={2.5} dot={false} connectNulls isAnimationActive={false} />
            {p ? <Line dataKey="projected" name={nameOf.projected} stroke={COLORS.projected} strokeWidth={2} strokeDasharray="6 4" dot={false} connectNulls isAnimationActive={false} /> : null}
            <ReferenceLine y={series.limitCents} stroke={COLORS.limit} strokeWidth={1.5} label={{ value: t("cumulative.legendLimit", { limit }), position: "insideTopLeft", fill: COLORS.limit, fontSize: 12 }} />
            {series.crossing ? (
              <ReferenceDot x={series.crossing.day} y={series.crossing.cents} r={6} fill={COLORS.crossing} stroke="#fff" label={{ value: series.crossing.invoiceNumber, position: "top", fill: COLORS.crossing, fontSize: 12 }} />
            ) : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-800" aria-label={t("legend")}>
        <li className="flex items-center gap-1">
          <svg width="24" height="8" aria-hidden="true"><line x1="0" y1="4" x2="24" y2="4" stroke={COLORS.actual} strokeWidth="3" /></svg>
          {nameOf.actual}
        </li>
        {p ? (
          <li className="flex items-center gap-1">
            <svg width="24" height="8" aria-hidden="true"><line x1="0" y1="4" x2="24" y2="4" stroke={COLORS.projected} strokeWidth="2" strokeDasharray="6 4" /></svg>
            {nameOf.projected}
          </li>
        ) : null}
        {p ? (
          <li className="flex items-center gap-1">
            <svg width="24" height="8" aria-hidden="true"><rect width="24" height="8" fill={COLORS.band} /></svg>
            {nameOf.band}
          </li>
        ) : null}
        {series.previousYearTotalCents !== null ? (
          <li className="flex items-center gap-1">
            <svg width="24" height="8" aria-hidden="true"><line x1="0" y1="4" x2="24" y2="4" stroke={COLORS.previous} strokeWidth="2" strokeDasharray="2 3" /></svg>
            {nameOf.previous}
          </li>
        ) : null}
        <li className="flex items-center gap-1">
          <svg width="24" height="8" aria-hidden="true"><line x1="0" y1="4" x2="24" y2="4" stroke={COLORS.limit} strokeWidth="2" /></svg>
          {t("cumulative.legendLimit", { limit })}
        </li>
      </ul>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-brand-700 underline">{t("cumulative.showTable")}</summary>
        <ScrollBox label={t("cumulative.title", { year })} className="mt-2 max-h-96 overflow-y-auto">
          <table className="w-full min-w-[32rem] text-left text-xs sm:text-sm" data-testid="cumulative-table">
            <caption className="sr-only">{t("cumulative.title", { year })}</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-3 font-medium">{t("col.day")}</th>
                <th scope="col" className="pr-3 text-right font-medium">{t("col.actual")}</th>
                <th scope="col" className="pr-3 text-right font-medium">{t("col.previous", { year: series.previousYear })}</th>
                <th scope="col" className="pr-3 text-right font-medium">{t("col.projected")}</th>
                <th scope="col" className="pr-3 text-right font-medium">{t("col.low")}</th>
                <th scope="col" className="text-right font-medium">{t("col.high")}</th>
              </tr>
            </thead>
            <tbody>
              {series.points.map((point) => (
                <tr key={point.day} className="border-t border-slate-100">
                  <th scope="row" className="pr-3 text-left font-normal whitespace-nowrap">{formatDate(point.date, language)}</th>
                  <td className="pr-3 text-right whitespace-nowrap">{point.actual === undefined ? "" : money(point.actual)}</td>
                  <td className="pr-3 text-right whitespace-nowrap">{point.previous === undefined ? "" : money(point.previous)}</td>
                  <td className="pr-3 text-right whitespace-nowrap">{point.projected === undefined ? "" : money(point.projected)}</td>
                  <td className="pr-3 text-right whitespace-nowrap">{point.band ? money(point.band[0]) : ""}</td>
                  <td className="text-right whitespace-nowrap">{point.band ? money(point.band[1]) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </details>
    </div>
  );
}

// Cumulative counted turnover through the year against the KOR limit: the year so far,
// the projection to 31 December with its low–high band, last year as a faint line and
// the crossing invoice marked. A text summary and a table say the same without the chart.
// Server-rendered SVG (svg-chart.tsx, one for every width) first; chart-enhancement.tsx swaps in the Recharts
// version (cumulative-recharts.tsx, tooltips per point) once it is in view and the browser idle.
import { getTranslations } from "next-intl/server";
import type { CumulativePoint, CumulativeSeries } from "@/lib/features/dashboard/dashboard.types";
import { dayOfYear } from "@/lib/features/dashboard/dates";
import { formatCents, formatDate, formatEuroWhole, monthName, type UiLanguage } from "@/lib/platform/i18n/format";
import { CumulativeChartBox } from "./chart-enhancement";
import { CUMULATIVE_COLORS as COLORS, type CumulativeModel } from "./chart-models";
import { ScrollBox } from "./scroll-box";
import { TableHead } from "./table-head";
import { MonthLabel, niceMaxCents, percent, ResponsivePlot, round1, SPAN, YAxisGrid, yTicks } from "./svg-chart";
const HEIGHT = 288;

// Shares of the plot area: across the year, and from 0 up to the chart's maximum.
type Scale = { x: (day: number) => number; y: (cents: number) => number };

/** A step line (value holds until the next point), as Recharts' "stepAfter". */
function stepPath(points: [number, number][], s: Scale): string {
  return points.map(([day, cents], i) => (i === 0 ? `M${s.x(day)},${s.y(cents)}` : `H${s.x(day)}V${s.y(cents)}`)).join("");
}

function defined<K extends "actual" | "previous" | "projected">(points: CumulativePoint[], key: K): [number, number][] {
  return points.flatMap((p) => (p[key] === undefined ? [] : [[p.day, p[key]!] as [number, number]]));
}

export async function CumulativeChart({ series, year, language }: { series: CumulativeSeries; year: number; language: UiLanguage }) {
  const t = await getTranslations("dashboard");
  const money = (cents: number) => formatCents(cents, language);
  const limit = money(series.limitCents);
  const monthTicks = Array.from({ length: 12 }, (_, i) => dayOfYear(`${year}-${String(i + 1).padStart(2, "0")}-01`));
  const p = series.projection;
  const maxY = niceMaxCents(
    Math.max(
      series.limitCents,
      ...series.points.flatMap((point) => [point.actual ?? 0, point.previous ?? 0, point.band?.[1] ?? 0, point.projected ?? 0]),
    ),
  );
  const actual = defined(series.points, "actual");
  const previous = defined(series.points, "previous");
  const projected = defined(series.points, "projected");
  const band = series.points.filter((point) => point.band !== undefined);
  const actualTotal = actual.at(-1)?.[1] ?? 0;

  const summary = [
    t("cumulative.summary", { year, total: money(actualTotal), limit }),
    series.crossing
      ? t("cumulative.summaryCrossing", {
          date: formatDate(series.crossing.date, language, "long"),
          invoice: series.crossing.invoiceNumber,
        })
      : null,
    p?.sufficientData
      ? t("cumulative.summaryProjection", {
          expected: money(p.expectedTotalCents),
          low: money(p.lowTotalCents),
          high: money(p.highTotalCents),
          interval: Math.round(p.interval * 100),
        })
      : null,
    p && !p.sufficientData ? t("cumulative.insufficient") : null,
    p?.sufficientData && !series.crossing
      ? p.expectedCrossingDate
        ? t("cumulative.summaryProjectedCrossing", {
            date: formatDate(p.expectedCrossingDate, language, "long"),
            earliest: formatDate(p.earliestCrossingDate ?? p.expectedCrossingDate, language),
            latest: p.latestCrossingDate ? formatDate(p.latestCrossingDate, language) : "31-12",
          })
        : t("cumulative.summaryNoCrossing")
      : null,
    series.previousYearTotalCents !== null
      ? t("cumulative.summaryPrevious", { year: series.previousYear, total: money(series.previousYearTotalCents) })
      : null,
  ].filter(Boolean);

  const nameOf = {
    actual: t("cumulative.legendActual"),
    previous: t("cumulative.legendPrevious", { year: series.previousYear }),
    projected: t("cumulative.legendProjected"),
    band: t("cumulative.legendBand"),
    limit: t("cumulative.legendLimit", { limit }),
  };

  const model: CumulativeModel = {
    locale: language === "en" ? "en-GB" : "nl-NL",
    rows: series.points.map(({ date, ...point }) => ({ ...point, label: formatDate(date, language, "long") })),
    daysInYear: series.daysInYear,
    limitCents: series.limitCents,
    maxY,
    yTicks: yTicks(maxY).map((value) => ({ value, label: formatEuroWhole(value, language) })),
    xTicks: monthTicks.map((value, i) => ({ value, label: monthName(i + 1, language, "short") })),
    crossing: series.crossing
      ? { day: series.crossing.day, cents: series.crossing.cents, invoiceNumber: series.crossing.invoiceNumber }
      : null,
    showProjection: Boolean(p),
    showPrevious: previous.length > 1,
    names: nameOf,
  };

  // Shares (0–1) of the plot area; the lines are drawn on 0–SPAN of the stretched viewBox.
  const share: Scale = { x: (day) => (day - 1) / Math.max(1, series.daysInYear - 1), y: (cents) => 1 - cents / maxY };
  const s: Scale = { x: (day) => round1(SPAN * share.x(day)), y: (cents) => round1(SPAN * share.y(cents)) };
  const bandPath =
    band.length > 1
      ? `M${band.map((b) => `${s.x(b.day)},${s.y(b.band![1])}`).join("L")}L${[...band]
          .reverse()
          .map((b) => `${s.x(b.day)},${s.y(b.band![0])}`)
          .join("L")}Z`
      : null;
  const limitY = percent(share.y(series.limitCents));
  const lines = (
    <>
      {bandPath ? <path d={bandPath} fill={COLORS.band} fillOpacity={0.6} /> : null}
      {previous.length > 1 ? (
        <path
          d={stepPath(previous, s)}
          fill="none"
          stroke={COLORS.previous}
          strokeWidth={1.5}
          strokeDasharray="2 3"
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
      <path
        data-series="actual"
        className="series-actual"
        d={stepPath(actual, s)}
        fill="none"
        stroke={COLORS.actual}
        strokeWidth={2.5}
        vectorEffect="non-scaling-stroke"
      />
      {projected.length > 1 ? (
        <path
          d={`M${projected.map(([day, cents]) => `${s.x(day)},${s.y(cents)}`).join("L")}`}
          fill="none"
          stroke={COLORS.projected}
          strokeWidth={2}
          strokeDasharray="6 4"
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
    </>
  );
  const labels = (
    <>
      <YAxisGrid max={maxY} label={(cents) => formatEuroWhole(cents, language)} />
      {monthTicks.map((day, i) => (
        <MonthLabel key={day} x={percent(share.x(day))} index={i} anchor={i === 0 ? "start" : "middle"}>
          {monthName(i + 1, language, "short")}
        </MonthLabel>
      ))}
      <line x1="0" x2="100%" y1={limitY} y2={limitY} stroke={COLORS.limit} strokeWidth={1.5} />
      <text x={6} y={limitY} dy={-6} fontSize={12} fill={COLORS.limit}>
        {nameOf.limit}
      </text>
      {series.crossing ? (
        <g data-testid="crossing-dot">
          <circle
            cx={percent(share.x(series.crossing.day))}
            cy={percent(share.y(series.crossing.cents))}
            r={6}
            fill={COLORS.crossing}
            stroke="#fff"
          >
            <title>{t("cumulative.crossingMarker", { invoice: series.crossing.invoiceNumber })}</title>
          </circle>
          <text
            x={percent(share.x(series.crossing.day))}
            y={percent(share.y(series.crossing.cents))}
            dy={-10}
            textAnchor="middle"
            fontSize={12}
            fill={COLORS.crossing}
          >
            {series.crossing.invoiceNumber}
          </text>
        </g>
      ) : null}
    </>
  );

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
      <CumulativeChartBox label={t("cumulative.chartLabel", { limit })} model={model}>
        <ResponsivePlot height={HEIGHT} labels={labels} lines={lines} />
      </CumulativeChartBox>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-800" aria-label={t("legend")}>
        <li className="flex items-center gap-1">
          <svg width="24" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="24" y2="4" stroke={COLORS.actual} strokeWidth="3" />
          </svg>
          {nameOf.actual}
        </li>
        {p ? (
          <li className="flex items-center gap-1">
            <svg width="24" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="24" y2="4" stroke={COLORS.projected} strokeWidth="2" strokeDasharray="6 4" />
            </svg>
            {nameOf.projected}
          </li>
        ) : null}
        {p ? (
          <li className="flex items-center gap-1">
            <svg width="24" height="8" aria-hidden="true">
              <rect width="24" height="8" fill={COLORS.band} />
            </svg>
            {nameOf.band}
          </li>
        ) : null}
        {series.previousYearTotalCents !== null ? (
          <li className="flex items-center gap-1">
            <svg width="24" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="24" y2="4" stroke={COLORS.previous} strokeWidth="2" strokeDasharray="2 3" />
            </svg>
            {nameOf.previous}
          </li>
        ) : null}
        <li className="flex items-center gap-1">
          <svg width="24" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="24" y2="4" stroke={COLORS.limit} strokeWidth="2" />
          </svg>
          {nameOf.limit}
        </li>
      </ul>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-brand-700 underline">{t("cumulative.showTable")}</summary>
        <ScrollBox label={t("cumulative.title", { year })} className="mt-2 max-h-96 overflow-y-auto">
          <table className="w-full min-w-[32rem] text-left text-xs sm:text-sm" data-testid="cumulative-table">
            <caption className="sr-only">{t("cumulative.title", { year })}</caption>
            <TableHead
              columns={[
                { label: t("col.day") },
                { label: t("col.actual"), end: true },
                { label: t("col.previous", { year: series.previousYear }), end: true },
                { label: t("col.projected"), end: true },
                { label: t("col.low"), end: true },
                { label: t("col.high"), end: true },
              ]}
            />
            <tbody>
              {series.points.map((point) => (
                <tr key={point.day} className="border-t border-slate-100">
                  <th scope="row" className="pr-3 text-left font-normal whitespace-nowrap">
                    {formatDate(point.date, language)}
                  </th>
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

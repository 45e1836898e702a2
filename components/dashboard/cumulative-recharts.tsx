"use client";
// The interactive cumulative chart (Recharts): the same lines, band, limit and crossing dot
// as the server SVG in cumulative-chart.tsx, with a tooltip per point. Loaded lazily by
// chart-enhancement.tsx, drawn at the exact size of the SVG it replaces.
import { useLayoutEffect } from "react";
import { Area, CartesianGrid, ComposedChart, Line, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartSize } from "./chart-enhancement";
import { CUMULATIVE_COLORS as COLORS, type CumulativeModel } from "./chart-models";
import { numberFormat } from "@/lib/platform/i18n/intl-format";

type TooltipEntry = { dataKey?: unknown };

export function CumulativeRecharts({ model, size, onReady }: { model: CumulativeModel; size: ChartSize; onReady: () => void }) {
  useLayoutEffect(onReady, [onReady]);
  const money = (cents: number) => numberFormat(model.locale, { style: "currency", currency: "EUR" }).format(cents / 100);
  const xLabel = new Map(model.xTicks.map((tick) => [tick.value, tick.label]));
  const yLabel = new Map(model.yTicks.map((tick) => [tick.value, tick.label]));
  const rowLabel = new Map(model.rows.map((row) => [row.day, row.label]));
  const names: Record<string, string> = model.names;
  const narrow = size.width < 480;
  return (
    <ComposedChart
      width={size.width}
      height={size.height}
      data={model.rows}
      margin={{ top: 16, right: 16, bottom: 4, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis
        dataKey="day"
        type="number"
        domain={[1, model.daysInYear]}
        ticks={model.xTicks.filter((_, i) => !narrow || i % 2 === 0).map((tick) => tick.value)}
        tickFormatter={(day: number) => xLabel.get(day) ?? ""}
        tick={{ fontSize: 12, fill: "#334155" }}
      />
      <YAxis
        domain={[0, model.maxY]}
        ticks={model.yTicks.map((tick) => tick.value)}
        tickFormatter={(cents: number) => yLabel.get(cents) ?? ""}
        width={narrow ? 64 : 76}
        tick={{ fontSize: 12, fill: "#334155" }}
      />
      <Tooltip
        isAnimationActive={false}
        labelFormatter={(day) => rowLabel.get(Number(day)) ?? ""}
        formatter={(value, _name, entry: TooltipEntry) => {
          const key = String(entry.dataKey ?? "");
          const text = Array.isArray(value) ? `${money(Number(value[0]))} – ${money(Number(value[1]))}` : money(Number(value));
          return [text, names[key] ?? key];
        }}
      />
      {model.showProjection ? (
        <Area
          dataKey="band"
          name={model.names.band}
          stroke="none"
          fill={COLORS.band}
          fillOpacity={0.6}
          connectNulls
          isAnimationActive={false}
        />
      ) : null}
      {model.showPrevious ? (
        <Line
          dataKey="previous"
          name={model.names.previous}
          type="stepAfter"
          stroke={COLORS.previous}
          strokeWidth={1.5}
          strokeDasharray="2 3"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      ) : null}
      <Line
        dataKey="actual"
        className="series-actual"
        name={model.names.actual}
        type="stepAfter"
        stroke={COLORS.actual}
        strokeWidth={2.5}
        dot={false}
        connectNulls
        isAnimationActive={false}
      />
      {model.showProjection ? (
        <Line
          dataKey="projected"
          name={model.names.projected}
          stroke={COLORS.projected}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      ) : null}
      <ReferenceLine
        y={model.limitCents}
        stroke={COLORS.limit}
        strokeWidth={1.5}
        label={{ value: model.names.limit, position: "insideTopLeft", fill: COLORS.limit, fontSize: 12 }}
      />
      {model.crossing ? (
        <ReferenceDot
          x={model.crossing.day}
          y={model.crossing.cents}
          r={6}
          label={{ value: model.crossing.invoiceNumber, position: "top", fill: COLORS.crossing, fontSize: 12 }}
          shape={(props: { cx?: number; cy?: number }) => (
            <g data-testid="crossing-dot">
              <circle cx={props.cx} cy={props.cy} r={6} fill={COLORS.crossing} stroke="#fff" />
            </g>
          )}
        />
      ) : null}
    </ComposedChart>
  );
}

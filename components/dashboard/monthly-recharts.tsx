"use client";
// The interactive monthly chart (Recharts): counted and not counted side by side, stacked
// by category group, with a tooltip listing the month's categories. Loaded lazily by
// chart-enhancement.tsx, drawn at the exact size of the SVG in monthly-chart.tsx.
import { useLayoutEffect } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartSize } from "./chart-enhancement";
import type { MonthlyModel } from "./chart-models";

export function MonthlyRecharts({ model, size, onReady }: { model: MonthlyModel; size: ChartSize; onReady: () => void }) {
  useLayoutEffect(onReady, [onReady]);
  const yLabel = new Map(model.yTicks.map((tick) => [tick.value, tick.label]));
  const narrow = size.width < 480;
  return (
    <BarChart
      width={size.width}
      height={size.height}
      data={model.rows}
      margin={{ top: 16, right: 16, bottom: 4, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis
        dataKey="month"
        tickFormatter={(month: number) => model.monthLabels[month - 1] ?? ""}
        interval={narrow ? 1 : 0}
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
        content={({ active, label }) => {
          const month = active && label !== undefined ? model.tooltips[Number(label) - 1] : undefined;
          if (!month) return null;
          return (
            <div className="rounded border border-slate-300 bg-white p-2 text-xs shadow" data-testid="monthly-tooltip">
              <p className="font-semibold">{month.title}</p>
              <ul>
                {month.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          );
        }}
      />
      {model.series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.name}
          stackId={s.side}
          fill={s.fill}
          stroke={s.side === "counted" ? undefined : "#334155"}
          strokeDasharray={s.side === "counted" ? undefined : "3 2"}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}

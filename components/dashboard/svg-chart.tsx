// Plain server-rendered SVG for the dashboard charts: no chart library and no hydration
// on the page (Recharts' hydration was most of the dashboard's main-thread time). One SVG
// per chart for every width: positions are percentages of the plot area and the lines are
// drawn in a stretched inner viewBox with strokes that do not scale, so text keeps its
// size from a phone to a wide screen. <title> elements name the marks on hover; the text
// summary and table say every value.
import type { ReactNode } from "react";

/** Room around the plot for the axis labels, in CSS pixels. */
export const PLOT_MARGIN = { left: 72, right: 16, top: 16, bottom: 26 };

/** The inner viewBox's size: data is drawn on 0–1000 in both directions. */
export const SPAN = 1000;

/** Rounded up to whole thousands of euros with 8% headroom; never 0. */
export function niceMaxCents(maxCents: number): number {
  return Math.max(100_000, Math.ceil((maxCents * 1.08) / 100_000) * 100_000);
}

/** Four equal steps from 0 to max. */
export const yTicks = (maxCents: number): number[] => [0, 1, 2, 3, 4].map((i) => Math.round((maxCents * i) / 4));

export const round1 = (value: number) => Math.round(value * 10) / 10;

/** A share (0–1) of the plot area as an SVG percentage. */
export const percent = (share: number) => `${Math.round(share * 10_000) / 100}%`;

/**
 * The chart's box (`data-frame`, its height fixed) with the plot area's SVG: `labels` in
 * percentage coordinates (text, dots, grid lines), `lines` in the stretched 0–1000 viewBox.
 */
export function ResponsivePlot({ height, labels, lines }: { height: number; labels: ReactNode; lines: ReactNode }): ReactNode {
  const { left, right, top, bottom } = PLOT_MARGIN;
  return (
    <div data-frame="responsive" className="relative w-full" style={{ height }}>
      {/* biome-ignore lint/a11y/noSvgWithoutTitle: drawing only; the chart box names the chart (role img) and a table gives its figures */}
      <svg
        className="absolute overflow-visible"
        style={{ left, top, width: `calc(100% - ${left + right}px)`, height: height - top - bottom }}
      >
        {/* biome-ignore lint/a11y/noSvgWithoutTitle: as above */}
        <svg viewBox={`0 0 ${SPAN} ${SPAN}`} preserveAspectRatio="none" width="100%" height="100%" overflow="visible">
          {lines}
        </svg>
        {labels}
      </svg>
    </div>
  );
}

/** Horizontal grid lines and their euro labels left of the plot, and the x axis. */
export function YAxisGrid({ max, label }: { max: number; label: (cents: number) => string }): ReactNode {
  return (
    <g>
      {yTicks(max).map((tick) => (
        <g key={tick}>
          <line x1="0" x2="100%" y1={percent(1 - tick / max)} y2={percent(1 - tick / max)} stroke={tick === 0 ? "#94a3b8" : "#e2e8f0"} />
          <text x={-6} y={percent(1 - tick / max)} dy="0.32em" textAnchor="end" fontSize={12} fill="#334155">
            {label(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** A month's name under the plot; every other one is left out on a phone. */
export function MonthLabel({
  x,
  index,
  anchor,
  children,
}: {
  x: string;
  index: number;
  anchor: "start" | "middle";
  children: ReactNode;
}): ReactNode {
  return (
    <text x={x} y="100%" dy={16} textAnchor={anchor} fontSize={12} fill="#334155" className={index % 2 === 1 ? "max-sm:hidden" : undefined}>
      {children}
    </text>
  );
}

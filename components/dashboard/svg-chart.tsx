// Plain server-rendered SVG for the dashboard charts: no chart library and no hydration
// on the page (Recharts' hydration was most of the dashboard's main-thread time). Each
// chart is drawn at a few widths and CSS shows the one that fits, so text keeps its size;
// <title> elements name the marks on hover; the text summary and table say every value.
import type { ReactNode } from "react";

export type Frame = { width: number; height: number; left: number; right: number; top: number; bottom: number };

/** Narrow for phones, medium up to large screens, wide beyond. */
export const FRAMES: { key: string; className: string; frame: Omit<Frame, "height">; monthEvery: number }[] = [
  { key: "narrow", className: "block sm:hidden", frame: { width: 340, left: 64, right: 10, top: 16, bottom: 26 }, monthEvery: 2 },
  { key: "medium", className: "hidden sm:block lg:hidden", frame: { width: 640, left: 72, right: 16, top: 16, bottom: 26 }, monthEvery: 1 },
  { key: "wide", className: "hidden lg:block", frame: { width: 1040, left: 76, right: 16, top: 16, bottom: 26 }, monthEvery: 1 },
];

export const plotWidth = (f: Frame) => f.width - f.left - f.right;
export const plotHeight = (f: Frame) => f.height - f.top - f.bottom;

/** Rounded up to whole thousands of euros with 8% headroom; never 0. */
export function niceMaxCents(maxCents: number): number {
  return Math.max(100_000, Math.ceil((maxCents * 1.08) / 100_000) * 100_000);
}

/** Four equal steps from 0 to max. */
export const yTicks = (maxCents: number): number[] => [0, 1, 2, 3, 4].map((i) => Math.round((maxCents * i) / 4));

export const round1 = (value: number) => Math.round(value * 10) / 10;

export function YAxisGrid({ frame, max, label }: { frame: Frame; max: number; label: (cents: number) => string }): ReactNode {
  const y = (cents: number) => round1(frame.top + plotHeight(frame) * (1 - cents / max));
  return (
    <g>
      {yTicks(max).map((tick) => (
        <g key={tick}>
          <line x1={frame.left} x2={frame.width - frame.right} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
          <text x={frame.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" fontSize={12} fill="#334155">
            {label(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

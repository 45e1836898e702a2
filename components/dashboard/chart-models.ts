// What the interactive (Recharts) charts get from the server: plain data with every text
// already formatted, so the browser needs no translations, rule tables or zod.
import type { CategoryGroup } from "@/lib/features/dashboard/dashboard.types";

export const CUMULATIVE_COLORS = {
  actual: "#1e40af",
  previous: "#94a3b8",
  projected: "#1e40af",
  band: "#bfdbfe",
  limit: "#b91c1c",
  crossing: "#b91c1c",
};
export const COUNTED_COLORS: Record<CategoryGroup, string> = {
  domestic: "#1e40af",
  eu: "#0f766e",
  outsideEu: "#7c3aed",
  exempt: "#b45309",
  other: "#475569",
};
export const NOT_COUNTED_COLORS: Record<CategoryGroup, string> = {
  domestic: "#93c5fd",
  eu: "#5eead4",
  outsideEu: "#c4b5fd",
  exempt: "#fcd34d",
  other: "#cbd5e1",
};

export type Tick = { value: number; label: string };

export type CumulativeModel = {
  /** Intl locale for the tooltip's amounts. */
  locale: string;
  rows: { day: number; label: string; actual?: number; previous?: number; projected?: number; band?: [number, number] }[];
  daysInYear: number;
  limitCents: number;
  maxY: number;
  yTicks: Tick[];
  xTicks: Tick[];
  crossing: { day: number; cents: number; invoiceNumber: string } | null;
  showProjection: boolean;
  showPrevious: boolean;
  names: { actual: string; previous: string; projected: string; band: string; limit: string };
};

export type MonthlyModel = {
  rows: (Record<string, number> & { month: number })[];
  series: { key: string; name: string; side: "counted" | "notCounted"; fill: string }[];
  maxY: number;
  yTicks: Tick[];
  /** Short month names, January first. */
  monthLabels: string[];
  /** Per month: its long name and one line per category. */
  tooltips: { title: string; lines: string[] }[];
};

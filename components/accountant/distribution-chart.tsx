"use client";
// How many clients sit in each band of the KOR limit, as bars; the same figures as a
// table for screen readers and anyone who prefers numbers.
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { OverviewSummary } from "@/lib/features/accountant/accountant.types";

const COLORS = ["#166534", "#15803d", "#65a30d", "#ca8a04", "#c2410c", "#b91c1c"];

export function DistributionChart({ distribution }: { distribution: OverviewSummary["distribution"] }) {
  const t = useTranslations("accountant.distribution");
  return (
    <div>
      <div className="h-48 w-full min-w-0" role="img" aria-label={t("chartLabel")}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={distribution} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="band" tick={{ fontSize: 12, fill: "#334155" }} />
            <YAxis allowDecimals={false} width={32} tick={{ fontSize: 12, fill: "#334155" }} />
            <Tooltip isAnimationActive={false} formatter={(value) => [value, t("clients")]} />
            <Bar dataKey="clients" isAnimationActive={false}>
              {distribution.map((band, i) => (
                <Cell key={band.band} fill={COLORS[i] ?? "#475569"} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-medium">{t("showTable")}</summary>
        <table className="mt-2 text-left text-sm">
          <thead>
            <tr>
              <th scope="col" className="pr-6">
                {t("band")}
              </th>
              <th scope="col">{t("clients")}</th>
            </tr>
          </thead>
          <tbody>
            {distribution.map((band) => (
              <tr key={band.band}>
                <td className="pr-6">{band.band}</td>
                <td>{band.clients}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

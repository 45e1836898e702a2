// The overview's table: one row per client, sortable headers as links (the sort lives in
// the URL, so it survives a reload and can be shared), the name opens the dashboard.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatCents, formatDate, toLanguage } from "@/lib/platform/i18n/format";
import type { ClientRow, ClientStatus, OverviewQuery, SortKey } from "@/lib/features/accountant/accountant.types";
import { numberFormat } from "@/lib/platform/i18n/intl-format";
import { euroInWords, rulesFor } from "@/lib/kor";

const STATUS_STYLE: Record<ClientStatus, string> = {
  crossed: "bg-red-100 text-red-900 ring-red-300",
  projected: "bg-orange-100 text-orange-900 ring-orange-300",
  approaching: "bg-amber-100 text-amber-900 ring-amber-300",
  safe: "bg-green-100 text-green-900 ring-green-300",
  notInKor: "bg-slate-100 text-slate-800 ring-slate-300",
};
const BAR_STYLE: Record<ClientStatus, string> = {
  crossed: "bg-red-600",
  projected: "bg-orange-500",
  approaching: "bg-amber-500",
  safe: "bg-green-600",
  notInKor: "bg-slate-500",
};

export function overviewHref(query: OverviewQuery, change: Partial<OverviewQuery>, base = "/accountant"): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.sort !== "risk") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.status !== "all") params.set("status", next.status);
  if (next.q) params.set("q", next.q);
  if (next.page > 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

export async function ClientTable({ rows, query, year }: { rows: ClientRow[]; query: OverviewQuery; year: number }) {
  const t = await getTranslations("accountant");
  const td = await getTranslations("dashboard.deadlines.kind");
  const language = toLanguage(await getLocale());
  const money = (cents: number) => formatCents(cents, language);
  const date = (value: string | null) => (value ? formatDate(value, language) : t("none"));
  const percent = (value: number) => numberFormat(language === "en" ? "en-GB" : "nl-NL", { maximumFractionDigits: 1 }).format(value);

  const header = (key: SortKey, label: string, className = "") => {
    const active = query.sort === key;
    // A first click sorts the most telling way: highest amounts and latest dates first.
    const firstDir = key === "name" || key === "status" || key === "crossing" || key === "deadline" ? "asc" : "desc";
    const dir = active ? (query.dir === "asc" ? "desc" : "asc") : firstDir;
    return (
      <th
        scope="col"
        className={`py-2 pr-3 align-bottom ${className}`}
        aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
      >
        <Link
          href={overviewHref(query, { sort: key, dir, page: 1 })}
          className="hover:underline"
          aria-label={t("col.sortBy", { column: label })}
        >
          {label}
          {active ? <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span> : null}
        </Link>
      </th>
    );
  };

  return (
    <div className="overflow-x-auto">
      <table className="stack-table w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200">
            {header("name", t("col.name"))}
            {header("counted", t("col.counted", { year }), "text-right")}
            {header("percent", t("col.percent", { limit: euroInWords(rulesFor(year).korLimitCents, language) }))}
            {header("status", t("col.status"))}
            {header("crossing", t("col.crossing"))}
            {header("union", t("col.union"))}
            {header("deadline", t("col.deadline"))}
            {header("lastInvoice", t("col.lastInvoice"))}
            {header("alerts", t("col.alerts"), "text-right")}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.businessId} className="border-b border-slate-100 align-top" data-testid="client-row">
              <th scope="row" className="py-2 pr-3 font-medium">
                <Link href={`/businesses/${row.businessId}`} className="text-brand-800 hover:underline">
                  {row.name}
                </Link>
                {row.kvkNumber ? <span className="block text-xs font-normal text-slate-600">KVK {row.kvkNumber}</span> : null}
              </th>
              <td data-label={t("col.counted", { year })} className="py-2 pr-3 text-right tabular-nums">
                {money(row.countedCents)}
              </td>
              <td data-label={t("col.percent", { limit: euroInWords(rulesFor(year).korLimitCents, language) })} className="py-2 pr-3">
                <span className="tabular-nums">{percent(row.percent)}%</span>
                <span className="mt-1 block h-1.5 w-24 overflow-hidden rounded bg-slate-200" aria-hidden="true">
                  <span className={`block h-full ${BAR_STYLE[row.status]}`} style={{ width: `${Math.min(100, row.percent)}%` }} />
                </span>
              </td>
              <td data-label={t("col.status")} className="py-2 pr-3">
                <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ring-1 ${STATUS_STYLE[row.status]}`}>
                  {t(`status.${row.status}`)}
                </span>
              </td>
              <td data-label={t("col.crossing")} className="py-2 pr-3">
                {date(row.crossingDate)}
              </td>
              <td data-label={t("col.union")} className="py-2 pr-3">
                {row.union ? t("unionOf", { amount: money(row.union.cents), limit: money(row.union.limitCents) }) : t("none")}
              </td>
              <td data-label={t("col.deadline")} className="py-2 pr-3">
                {row.nextDeadline ? `${td(row.nextDeadline.kind)} · ${date(row.nextDeadline.date)}` : t("none")}
              </td>
              <td data-label={t("col.lastInvoice")} className="py-2 pr-3">
                {date(row.lastInvoiceDate)}
              </td>
              <td data-label={t("col.alerts")} className="py-2 pr-3 text-right tabular-nums">
                {row.openAlerts}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

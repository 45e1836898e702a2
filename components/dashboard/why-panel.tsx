// "Why?" behind a figure: the engine's explanation — which invoices counted, which did
// not, and the rule — in a native <details>, so it opens by keyboard and without script.
// Every invoice is in the per-category summary; the latest LISTED_INVOICES of each side
// are listed one by one, the rest are a link away (the invoice list shows each invoice's
// reason), so a year of thousands of invoices keeps the page small.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CATEGORIES, ruleInWords } from "@/lib/kor";
import type { ExplainedFigure, ExplainedList, ExplainedRow } from "@/lib/features/dashboard/dashboard.types";
import { formatCents, formatDate, type UiLanguage } from "@/lib/platform/i18n/format";
import { ScrollBox } from "./scroll-box";
import { TableHead } from "./table-head";

function Rows({ rows, language, showRunning }: { rows: ExplainedRow[]; language: UiLanguage; showRunning: boolean }) {
  return (
    <tbody>
      {rows.map((row) => (
        <tr key={row.invoice.id} className="border-t border-slate-100 align-top">
          <th scope="row" className="py-1 pr-3 text-left font-medium">
            {row.invoice.number}
          </th>
          <td className="py-1 pr-3 whitespace-nowrap">{formatDate(row.date, language)}</td>
          <td className="py-1 pr-3">{row.invoice.customerName}</td>
          <td className="py-1 pr-3">{CATEGORIES[row.category].label[language]}</td>
          <td className="py-1 pr-3 text-right whitespace-nowrap">{formatCents(row.netCents, language)}</td>
          {showRunning ? (
            <td className="py-1 pr-3 text-right whitespace-nowrap">
              {row.runningTotalCents === null ? "" : formatCents(row.runningTotalCents, language)}
            </td>
          ) : null}
          <td className="py-1 pr-3">{row.reason[language]}</td>
          <td className="py-1">{ruleInWords(row.ruleId, language)}</td>
        </tr>
      ))}
    </tbody>
  );
}

type Props = {
  figure: ExplainedFigure;
  label: string;
  language: UiLanguage;
  id: string;
  /** Where every invoice of a side is listed with its reason, when there is such a list. */
  listHref?: (side: "counted" | "notCounted") => string;
};

export async function WhyPanel({ figure, label, language, id, listHref }: Props) {
  const t = await getTranslations("dashboard");
  const money = (cents: number) => formatCents(cents, language);
  const side = (list: ExplainedList, which: "counted" | "notCounted") => {
    const caption = t(which === "counted" ? "whyCounted" : "whyNotCounted", { count: list.count });
    if (list.count === 0) {
      return (
        <p className="mt-3 text-sm text-slate-700">
          <span className="font-semibold">{caption}</span> — {t("whyNone")}
        </p>
      );
    }
    const counted = which === "counted";
    const groupsCaption = t(counted ? "whyCountedGroups" : "whyNotCountedGroups");
    return (
      <>
        <ScrollBox label={groupsCaption} className="mt-3">
          <table className="w-full min-w-[36rem] text-left text-xs sm:text-sm">
            <caption className="mb-1 text-left font-semibold">{groupsCaption}</caption>
            <TableHead
              className="text-slate-700"
              columns={[
                { label: t("col.category") },
                { label: t("col.count"), end: true },
                { label: t("col.amount"), end: true },
                { label: t("col.reason") },
                { label: t("col.rule") },
              ]}
            />
            <tbody>
              {list.groups.map((group) => (
                <tr key={`${group.category}|${group.ruleId}|${group.reason.en}`} className="border-t border-slate-100 align-top">
                  <th scope="row" className="py-1 pr-3 text-left font-medium">
                    {CATEGORIES[group.category].label[language]}
                  </th>
                  <td className="py-1 pr-3 text-right">{group.count}</td>
                  <td className="py-1 pr-3 text-right whitespace-nowrap">{money(group.netCents)}</td>
                  <td className="py-1 pr-3">{group.reason[language]}</td>
                  <td className="py-1">{ruleInWords(group.ruleId, language)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-slate-300 font-semibold">
                <th scope="row" className="pr-3 text-left">
                  {t("remediation.total")}
                </th>
                <td className="pr-3 text-right">{list.count}</td>
                <td className="pr-3 text-right whitespace-nowrap">{money(list.netCents)}</td>
                <td colSpan={2} />
              </tr>
            </tfoot>
          </table>
        </ScrollBox>
        {list.rows.length < list.count ? (
          <p className="mt-3 text-sm">
            {t("whyLatest", { shown: list.rows.length, count: list.count })}
            {listHref ? (
              <>
                {" "}
                <Link href={listHref(which)} className="font-medium text-brand-700 underline">
                  {t(counted ? "whyAllCounted" : "whyAllNotCounted", { count: list.count })}
                </Link>
              </>
            ) : null}
          </p>
        ) : null}
        <ScrollBox label={caption} className="mt-2">
          <table className="w-full min-w-[40rem] text-left text-xs sm:text-sm">
            <caption className="mb-1 text-left font-semibold">{caption}</caption>
            <TableHead
              className="text-slate-700"
              columns={[
                { label: t("col.invoice") },
                { label: t("col.date") },
                { label: t("col.customer") },
                { label: t("col.category") },
                { label: t("col.amount"), end: true },
                ...(counted ? [{ label: t("col.runningTotal"), end: true }] : []),
                { label: t("col.reason") },
                { label: t("col.rule") },
              ]}
            />
            <Rows rows={list.rows} language={language} showRunning={counted} />
          </table>
        </ScrollBox>
      </>
    );
  };
  return (
    <details className="mt-3 rounded border border-slate-200 p-2 text-sm" id={id}>
      <summary className="cursor-pointer font-medium text-brand-700 underline">
        {t("why")} <span className="sr-only">— {label}</span>
      </summary>
      <div role="group" aria-label={t("whyTitle", { figure: label })}>
        <p className="mt-2 text-slate-800">
          {t("whyTitle", { figure: label })}: {money(figure.totalCents)} · {t("whyRule", { rule: ruleInWords(figure.ruleId, language) })}
          {figure.interpretation ? ` · ${t("interpretation")}` : ""}
        </p>
        {side(figure.counted, "counted")}
        {side(figure.notCounted, "notCounted")}
      </div>
    </details>
  );
}

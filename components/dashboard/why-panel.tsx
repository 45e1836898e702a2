// "Why?" behind a figure: the engine's explanation — which invoices counted, which did
// not, and the rule — in a native <details>, so it opens by keyboard and without script.
import { getTranslations } from "next-intl/server";
import { CATEGORIES } from "@/lib/kor/categories";
import type { ExplainedFigure, ExplainedRow } from "@/lib/dashboard/dashboard.types";
import { formatCents, formatDate, type UiLanguage } from "./format";
import { ScrollBox } from "./scroll-box";

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
          {showRunning ? <td className="py-1 pr-3 text-right whitespace-nowrap">{row.runningTotalCents === null ? "" : formatCents(row.runningTotalCents, language)}</td> : null}
          <td className="py-1 pr-3">{row.reason[language]}</td>
          <td className="py-1 whitespace-nowrap">{row.rule}</td>
        </tr>
      ))}
    </tbody>
  );
}

export async function WhyPanel({ figure, label, language, id }: { figure: ExplainedFigure; label: string; language: UiLanguage; id: string }) {
  const t = await getTranslations("dashboard");
  const table = (rows: ExplainedRow[], caption: string, counted: boolean) => (
    <ScrollBox label={caption} className="mt-3">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">
          <span className="font-semibold">{caption}</span> — {t("whyNone")}
        </p>
      ) : (
        <table className="w-full min-w-[40rem] text-left text-xs sm:text-sm">
          <caption className="mb-1 text-left font-semibold">{caption}</caption>
          <thead>
            <tr className="text-slate-700">
              <th scope="col" className="pr-3 font-medium">{t("col.invoice")}</th>
              <th scope="col" className="pr-3 font-medium">{t("col.date")}</th>
              <th scope="col" className="pr-3 font-medium">{t("col.customer")}</th>
              <th scope="col" className="pr-3 font-medium">{t("col.category")}</th>
              <th scope="col" className="pr-3 text-right font-medium">{t("col.amount")}</th>
              {counted ? <th scope="col" className="pr-3 text-right font-medium">{t("col.runningTotal")}</th> : null}
              <th scope="col" className="pr-3 font-medium">{t("col.reason")}</th>
              <th scope="col" className="font-medium">{t("col.rule")}</th>
            </tr>
          </thead>
          <Rows rows={rows} language={language} showRunning={counted} />
        </table>
      )}
    </ScrollBox>
  );
  return (
    <details className="mt-3 rounded border border-slate-200 p-2 text-sm" id={id}>
      <summary className="cursor-pointer font-medium text-brand-700 underline">
        {t("why")} <span className="sr-only">— {label}</span>
      </summary>
      <div role="group" aria-label={t("whyTitle", { figure: label })}>
        <p className="mt-2 text-slate-800">
          {t("whyTitle", { figure: label })}: {formatCents(figure.totalCents, language)} · {t("whyRule", { rule: figure.rule })}
          {figure.interpretation ? ` · ${t("interpretation")}` : ""}
        </p>
        {table(figure.counted, t("whyCounted", { count: figure.counted.length }), true)}
        {table(figure.notCounted, t("whyNotCounted", { count: figure.notCounted.length }), false)}
      </div>
    </details>
  );
}

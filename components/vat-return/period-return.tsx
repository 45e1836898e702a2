// One period's VAT return: the rubrieken as a table ready to copy (whole euros), the
// documents behind each rubriek, what was left out and why, what to fill in yourself, the
// filing mark and, once filed and changed since, the correction (suppletie) per rubriek.
import { getTranslations } from "next-intl/server";
import { formatCents, formatDate, type UiLanguage } from "@/lib/platform/i18n/format";
import type { VatReturnDto } from "@/lib/features/vat-return/vat-return.types";
import { FilingForm } from "./filing-form";
import { formatEuros } from "./format";
import { Card } from "@/components/ui/card";

type Props = { businessId: string; data: VatReturnDto; language: UiLanguage; canWrite: boolean; today: string };

export async function PeriodReturn({ businessId, data, language, canWrite, today }: Props) {
  const t = await getTranslations("vatReturn");
  const euros = (value: number | null) => (value === null ? t("notOnForm") : formatEuros(value, language));
  const titleId = `period-${data.period.label}`;
  const shown = data.rubrieken.filter((r) => r.documents.length > 0 && !(r.code.startsWith("5") && r.code !== "5b"));
  return (
    <Card as="section" padding="compact" className="space-y-4" aria-labelledby={titleId}>
      <h2 id={titleId} className="text-xl font-semibold">
        {t("periodHeading", { period: data.period.label })}
      </h2>
      {data.outsideKorFrom === null ? (
        <p>{t("insideWholePeriod")}</p>
      ) : (
        <>
          {data.outsideKorFrom !== data.period.from ? (
            <p className="text-slate-700">{t("outsideFrom", { date: formatDate(data.outsideKorFrom, language, "long") })}</p>
          ) : null}
          {data.required ? (
            <p className="text-slate-700">{t("due", { date: formatDate(data.period.dueDate, language, "long") })}</p>
          ) : (
            <p>{t("notRequiredPeriod")}</p>
          )}
          <p className="text-sm text-slate-700">{t("copyHint")}</p>
          <div className="overflow-x-auto">
            <table className="stack-table w-full min-w-[36rem] text-left text-sm" data-testid="vat-return-table">
              <caption className="sr-only">{t("periodHeading", { period: data.period.label })}</caption>
              <thead className="border-b border-slate-200 bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t("col.rubriek")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-semibold">
                    {t("col.turnover")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-semibold">
                    {t("col.vat")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.rubrieken.map((r) => (
                  <tr key={r.code} className="border-b border-slate-100" data-rubriek={r.code}>
                    <th scope="row" className="px-3 py-2 font-normal">
                      {r.documents.length > 0 && !(r.code.startsWith("5") && r.code !== "5b") ? (
                        <a href={`#docs-${r.code}`} className="font-semibold text-brand-700 underline">
                          {r.code}
                        </a>
                      ) : (
                        <span className="font-semibold">{r.code}</span>
                      )}{" "}
                      {t(`rubriek.${r.code}`)}
                    </th>
                    <td data-label={t("col.turnover")} className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                      {r.selfFill ? t("selfFill") : euros(r.turnoverEuros)}
                    </td>
                    <td data-label={t("col.vat")} className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                      {r.selfFill ? t("selfFill") : euros(r.vatEuros)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <div>
            <h3 className="font-semibold">{t("selfFillTitle")}</h3>
            <p className="text-sm">{t("selfFillIntro")}</p>
            <ul className="list-disc pl-5 text-sm">
              {(["5e", "privateUse", "partialDeduction", "oss"] as const).map((key) => (
                <li key={key}>{t(`selfFillItems.${key}`)}</li>
              ))}
            </ul>
          </div>

          {shown.map((r) => (
            <details key={r.code} id={`docs-${r.code}`} className="rounded border border-slate-200 p-2 text-sm">
              <summary className="cursor-pointer font-medium">
                {t("documentsOf", { code: r.code })} ({r.documents.length})
              </summary>
              <p className="mt-1 text-slate-700">
                {t("exact", { turnover: formatCents(r.turnoverCents ?? 0, language), vat: formatCents(r.vatCents ?? 0, language) })}
              </p>
              <ul className="mt-1 space-y-1">
                {r.documents.map((d) => (
                  <li key={`${d.type}:${d.id}`} className="flex flex-wrap justify-between gap-2 border-t border-slate-100 pt-1">
                    <a
                      href={
                        d.type === "invoice"
                          ? `/businesses/${businessId}/invoices/${d.id}`
                          : `/businesses/${businessId}/purchases?year=${d.date.slice(0, 4)}`
                      }
                      className="text-brand-700 underline"
                    >
                      {t(d.type, { label: d.label })}
                    </a>
                    <span className="tabular-nums">
                      {formatDate(d.date, language)} · {formatCents(d.turnoverCents, language)} · {formatCents(d.vatCents, language)}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          ))}

          {data.notes.length ? (
            <div>
              <h3 className="font-semibold">{t("notesTitle")}</h3>
              <ul className="list-disc pl-5 text-sm">
                {data.notes.map((note) => (
                  <li key={`${note.document.type}:${note.document.id}`}>
                    {t(note.document.type, { label: note.document.label })} ({formatDate(note.document.date, language)},{" "}
                    {formatCents(note.document.turnoverCents, language)}):{" "}
                    {t(`note.${note.kind === "notInReturn" ? note.reason : note.kind}`)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      )}

      {data.filing ? <Correction data={data} language={language} /> : null}

      {canWrite && (data.required || data.filing) && (!data.filing || data.correction?.needed) ? (
        <div className="border-t border-slate-200 pt-3">
          <h3 className="font-semibold">{t("fileTitle")}</h3>
          {data.filing ? null : <p className="text-sm text-slate-700">{t("fileIntro")}</p>}
          <FilingForm businessId={businessId} period={data.period.label} today={today} correction={Boolean(data.filing)} />
        </div>
      ) : null}
      {!canWrite ? <p className="text-sm text-slate-700">{t("readOnly")}</p> : null}
    </Card>
  );
}

async function Correction({ data, language }: { data: VatReturnDto; language: UiLanguage }) {
  const t = await getTranslations("vatReturn");
  const filing = data.filing!;
  const filedOn = formatDate(filing.filedOn, language, "long");
  const correction = data.correction!;
  if (!correction.needed)
    return (
      <p className="font-medium text-emerald-900">
        {t("filed", { date: filedOn })} {t("noCorrection", { date: filedOn })}
      </p>
    );
  const changed = correction.rubrieken.filter((r) => (r.turnoverEuros ?? 0) !== 0 || (r.vatEuros ?? 0) !== 0);
  const euros = (value: number | null) => (value === null ? t("notOnForm") : formatEuros(value, language));
  return (
    <div className="rounded border border-amber-300 bg-amber-50 p-3" data-testid="vat-return-correction">
      <h3 className="font-semibold">{t("correctionTitle")}</h3>
      <p className="text-sm">{t("correctionIntro", { date: filedOn })}</p>
      <p className="mt-1 text-sm italic" data-testid="vat-return-correction-practice">
        {t("correctionPractice")}
      </p>
      <div className="overflow-x-auto">
        <table className="stack-table mt-2 w-full min-w-[32rem] text-left text-sm">
          <caption className="sr-only">{t("correctionTitle")}</caption>
          <thead>
            <tr className="border-b border-amber-300">
              <th scope="col" className="px-2 py-1">
                {t("col.rubriek")}
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                {t("col.turnover")}
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                {t("col.vat")}
              </th>
              <th scope="col" className="px-2 py-1">
                {t("col.change")}
              </th>
            </tr>
          </thead>
          <tbody>
            {changed.map((r) => (
              <tr key={r.code} className="border-b border-amber-200 align-top" data-rubriek={r.code}>
                <th scope="row" className="px-2 py-1 font-semibold">
                  {r.code}
                </th>
                <td data-label={t("col.turnover")} className="px-2 py-1 text-right tabular-nums">
                  {euros(r.turnoverEuros)}
                </td>
                <td data-label={t("col.vat")} className="px-2 py-1 text-right tabular-nums">
                  {euros(r.vatEuros)}
                </td>
                <td data-label={t("col.change")} className="px-2 py-1">
                  {r.changes.map((c) => `${t(`change.${c.change}`)}: ${(c.now ?? c.filed)!.label}`).join("; ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

"use client";
// The preview of an import, the same for a CSV file and for e-invoices: warnings, the
// categories to choose for rows that need review (per group and per row), the summary,
// every row with its status, problems, notes and VAT advice, and the button that imports
// all or nothing. For purchases (kind "purchases") the rows are supplier documents: the
// choice is a VAT treatment and rate, and the VAT column shows the input VAT, not advice.
import { useLocale, useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import type { ImportMapping, ImportPreview, ImportWarning } from "@/lib/features/invoices/import/import.types";
import { numberFormat } from "@/lib/platform/i18n/intl-format";
import { PURCHASE_CATEGORIES } from "@/lib/features/purchases/purchase.types";

const PREVIEW_ROWS = 100;

export type CategoryChoices = Pick<ImportMapping, "rowCategories" | "groupCategories"> & {
  /** Purchases only: the category per line (costs unless chosen; an investment good enters the planner). */
  rowPurchaseCategories?: Record<string, string>;
};

type Props = {
  preview: ImportPreview;
  choices: CategoryChoices;
  categories: { code: string; label: { nl: string; en: string } }[];
  /** A category for one row (by line) or a review group; "" takes the choice back. */
  onChoose: (kind: "rowCategories" | "groupCategories" | "rowPurchaseCategories", key: string, code: string) => void;
  onCommit: () => void;
  busy: boolean;
  committing: boolean;
  /** Sales invoices (the default) or purchases: the words of the choices, columns and summary. */
  kind?: "invoices" | "purchases";
};

export function ImportPreviewView({ preview, choices, categories, onChoose, onCommit, busy, committing, kind = "invoices" }: Props) {
  const tCsv = useTranslations("importCsv");
  const tPurchases = useTranslations("purchases.eInvoices");
  const tPurchase = useTranslations("purchases");
  const purchases = kind === "purchases";
  // The purchase import's own words where it has them, the CSV import's otherwise.
  const t = ((key: string, values?: Record<string, string | number>) =>
    purchases && tPurchases.has(key as never) ? tPurchases(key as never, values as never) : tCsv(key as never, values as never)) as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
  const labelOf = (code: string | null) => categories.find((category) => category.code === code)?.label[locale] ?? "";
  const errorText = useErrorText();
  const locale = useLocale() as "nl" | "en";
  const money = numberFormat(locale === "en" ? "en-GB" : "nl-NL", { style: "currency", currency: "EUR" });
  const rank = { error: 0, review: 1, new: 2, existing: 3 } as const;
  const visibleRows = [...preview.rows].sort((a, b) => rank[a.status] - rank[b.status] || a.line - b.line).slice(0, PREVIEW_ROWS);
  const reviewGroups = [...new Set(preview.rows.map((row) => row.reviewGroup).filter((group): group is string => !!group))];
  const withSources = preview.rows.some((row) => row.source);

  function warningText(warning: ImportWarning): string {
    if (warning.code === "skippedFiles") return t("warnings.skippedFiles", { count: warning.count });
    if (warning.code === "looksLikeCents")
      return t("warnings.looksLikeCents", {
        total: money.format(warning.fileNetCents / 100),
        centsReading: money.format(warning.centsReadingNetCents / 100),
      });
    return t("warnings.tenTimesLargestYear", {
      year: warning.year,
      total: money.format(warning.fileYearNetCents / 100),
      largestYear: warning.largestYear,
      largest: money.format(warning.largestYearNetCents / 100),
    });
  }

  const categoryOptions = (
    <>
      <option value="">{t("chooseCategory")}</option>
      {categories.map((category) => (
        <option key={category.code} value={category.code}>
          {category.label[locale]}
        </option>
      ))}
    </>
  );

  return (
    <>
      {preview.warnings.length > 0 ? (
        <div role="alert" className="rounded bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-semibold">{t("warnings.title")}</p>
          <ul className="mt-1 list-disc pl-5">
            {preview.warnings.map((warning) => (
              <li key={warning.code}>{warningText(warning)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {reviewGroups.length > 0 ? (
        <fieldset className="rounded-md border border-amber-300 p-4">
          <legend className="px-1 font-semibold">{t("rowStatus.review")}</legend>
          {preview.summary.review > 0 ? <p className="mb-3 text-sm">{t("review", { count: preview.summary.review })}</p> : null}
          <div className="grid gap-3 sm:grid-cols-2">
            {reviewGroups.map((group, i) => (
              <div key={group}>
                <label htmlFor={`review-group-${i}`} className="block text-sm font-medium">
                  {t("reviewGroup", { group: group.replaceAll("|", " · ") })}
                </label>
                <select
                  id={`review-group-${i}`}
                  value={choices.groupCategories?.[group] ?? ""}
                  onChange={(event) => onChoose("groupCategories", group, event.target.value)}
                  className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
                >
                  {categoryOptions}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}
      <section aria-labelledby="preview-title">
        <h3 id="preview-title" className="mb-2 font-semibold">
          {t("preview")}
        </h3>
        <p className="mb-3 text-sm" role="status">
          {t("summary", {
            total: preview.summary.total,
            new: preview.summary.new,
            existing: preview.summary.existing,
            errors: preview.summary.errors,
            counted: money.format(preview.summary.newKorCents / 100),
            vat: money.format((preview.summary.newVatCents ?? 0) / 100),
          })}
        </p>
        {preview.summary.missingVat ? (
          <p className="mb-3 rounded bg-amber-50 p-2 text-sm font-medium text-amber-950" role="status">
            {t("missingVat", { count: preview.summary.missingVat })}
          </p>
        ) : null}
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-3">
                  {t("line")}
                </th>
                {withSources ? (
                  <th scope="col" className="py-2 pr-3">
                    {t("fields.file")}
                  </th>
                ) : null}
                <th scope="col" className="py-2 pr-3">
                  {t("fields.number")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("fields.date")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("fields.customerName")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("fields.netAmount")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("status")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("counts")}
                </th>
                <th scope="col" className={purchases ? "py-2 text-right" : "py-2"}>
                  {t("vat")}
                </th>
              </tr>
            </thead>
            <tbody>
              {visibleRows.map((row) => (
                <tr
                  key={row.line}
                  className={`border-b border-slate-100 align-top ${row.status === "error" ? "bg-red-50" : row.status === "review" ? "bg-amber-50" : ""}`}
                >
                  <td className="py-1 pr-3">{row.line}</td>
                  {withSources ? <td className="break-all py-1 pr-3">{row.source}</td> : null}
                  <td className="py-1 pr-3">{row.number}</td>
                  <td className="py-1 pr-3">{row.date}</td>
                  <td className="py-1 pr-3">{row.customerName}</td>
                  <td className="py-1 pr-3 text-right">{row.netCents === null ? "" : money.format(row.netCents / 100)}</td>
                  <td className="py-1 pr-3">
                    {row.status === "error" ? (
                      <ul className="text-red-800">
                        {Object.entries(row.errors).map(([field, message]) => (
                          <li key={field}>
                            {t(`fields.${field}` as never)}: {errorText(message)}
                          </li>
                        ))}
                      </ul>
                    ) : row.status === "review" || (row.reviewGroup && choices.rowCategories?.[String(row.line)]) ? (
                      <select
                        aria-label={t("reviewRow", { line: row.line })}
                        value={choices.rowCategories?.[String(row.line)] ?? ""}
                        onChange={(event) => onChoose("rowCategories", String(row.line), event.target.value)}
                        className="rounded-md border border-amber-400 px-2 py-1 text-sm"
                      >
                        {categoryOptions}
                      </select>
                    ) : (
                      t(row.deleted && row.status === "new" ? "rowStatus.deleted" : `rowStatus.${row.status}`)
                    )}
                    {row.notes?.length ? (
                      <ul className="mt-1 text-xs text-slate-700" aria-label={t("notes")}>
                        {row.notes.map((note) => (
                          <li key={note}>{errorText(note)}</li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  <td className="py-1 pr-3">
                    {purchases ? labelOf(row.category) : row.countsForKor === null ? "" : row.countsForKor ? t("countsYes") : t("countsNo")}
                    {purchases && row.purchaseCategory && row.status !== "existing" ? (
                      <select
                        aria-label={tPurchases("categoryRow", { line: row.line })}
                        value={row.purchaseCategory}
                        onChange={(event) =>
                          onChoose("rowPurchaseCategories", String(row.line), event.target.value === "COSTS" ? "" : event.target.value)
                        }
                        className="mt-1 block rounded-md border border-slate-400 px-2 py-1 text-sm"
                      >
                        {PURCHASE_CATEGORIES.map((code) => (
                          <option key={code} value={code}>
                            {tPurchase(`category.${code}`)}
                          </option>
                        ))}
                      </select>
                    ) : null}
                  </td>
                  <td className={purchases ? "py-1 text-right" : "py-1"}>
                    {purchases ? (row.vatCents === null ? "" : money.format(row.vatCents / 100)) : null}
                    {row.vat ? (
                      <span className={row.vat.missingVat ? "font-medium text-amber-900" : ""} title={row.vat.reason[locale]}>
                        {row.vat.missingVat
                          ? t("vatMissing", { rate: row.vat.ratePercent ?? 0 })
                          : row.vat.mustChargeVat
                            ? t("vatDue", { rate: row.vat.ratePercent ?? 0 })
                            : t("vatNone")}
                        <span className="sr-only"> — {row.vat.reason[locale]}</span>
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {preview.rows.length > PREVIEW_ROWS ? (
          <p className="mt-2 text-sm text-slate-600">{t("moreRows", { count: preview.rows.length - PREVIEW_ROWS })}</p>
        ) : null}
      </section>

      <div className="flex flex-wrap items-center gap-4">
        <Button
          type="button"
          onClick={onCommit}
          disabled={busy || preview.summary.errors > 0 || preview.summary.review > 0 || preview.summary.new === 0}
          aria-busy={committing}
        >
          {t("commit", { count: preview.summary.new })}
        </Button>
        {preview.summary.errors > 0 ? <p className="text-sm font-medium text-red-800">{t("fixFirst")}</p> : null}
      </div>
    </>
  );
}

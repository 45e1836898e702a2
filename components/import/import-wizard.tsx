"use client";
// The CSV import in three steps: choose a file (read with progress), check the column
// mapping and the preview with every row's problem, then import all or nothing — with the
// upload, the check and the saving of large files shown as they progress. Preview and
// commit both go to the import API, which checks access before it reads the file. Rows
// whose category cannot be derived safely wait for the user's choice (per row or group);
// implausible totals are warned about before anything is stored.
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { CROSS_SITE_REFUSED } from "@/lib/api/api-error-messages";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/http/body-limits";
import { streamImport, type ClientImportProgress, type ImportError } from "@/components/import/stream-import";
import { useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import type { ImportMapping, ImportPreview, ImportWarning } from "@/lib/invoices/import/import.types";
import { IMPORT_FIELDS } from "@/lib/invoices/import/import.types";
import type { ImportResult } from "@/lib/invoices/import/import-invoices";
import { numberFormat } from "@/lib/i18n/intl-format";

type Props = { businessId: string; categories: { code: string; label: { nl: string; en: string } }[] };
const PREVIEW_ROWS = 100;

export function ImportWizard({ businessId, categories }: Props) {
  const t = useTranslations("importCsv");
  const tErrors = useTranslations("errors");
  const errorText = useErrorText();
  const locale = useLocale() as "nl" | "en";
  const money = numberFormat(locale === "en" ? "en-GB" : "nl-NL", { style: "currency", currency: "EUR" });
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [readProgress, setReadProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [busy, setBusy] = useState<"preview" | "commit" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [progress, setProgress] = useState<ClientImportProgress | null>(null);
  const router = useRouter();

  /** An API refusal in the user's language: its field's message, else by its code. */
  function refusalText(refusal: ImportError): string {
    const field = refusal.fieldKeys ? Object.values(refusal.fieldKeys)[0] : undefined;
    if (field) return errorText(field) ?? t("failed");
    if (refusal.message === CROSS_SITE_REFUSED) return tErrors("crossSite");
    if (refusal.code === "FORBIDDEN") return tErrors("forbidden");
    if (refusal.code === "NOT_FOUND") return tErrors("notFoundText");
    if (refusal.code === "RATE_LIMITED") return tErrors("rateLimited");
    if (refusal.code === "PAYLOAD_TOO_LARGE") return t("fileTooLarge", { megabytes: SERVER_ACTION_BODY_LIMIT_BYTES / (1024 * 1024) });
    if (refusal.code === "CONNECTION_LOST") return t("progress.connectionLost");
    return t("failed");
  }

  async function runPreview(text: string, nextMapping: ImportMapping | null) {
    setBusy("preview");
    setError(null);
    const query = `?dryRun=true${nextMapping ? `&mapping=${encodeURIComponent(JSON.stringify(nextMapping))}` : ""}`;
    const response = await fetch(`/api/v1/businesses/${businessId}/invoices/import${query}`, {
      method: "POST",
      headers: { "content-type": "text/csv; charset=utf-8", accept: "application/json" },
      body: text,
    }).catch(() => null);
    const body = response ? ((await response.json().catch(() => null)) as { data?: ImportPreview; error?: ImportError } | null) : null;
    setBusy(null);
    if (!response?.ok || !body?.data) {
      setError(body?.error ? refusalText(body.error) : t("failed"));
      setPreview(null);
      return;
    }
    setPreview(body.data);
    setMapping(body.data.mapping);
  }

  function onFile(file: File | undefined) {
    setResult(null);
    setPreview(null);
    if (!file) return;
    setFileName(file.name);
    // The import API refuses bodies above 25 MB (413), the same limit as server actions':
    // say so before reading the file.
    if (file.size > SERVER_ACTION_BODY_LIMIT_BYTES) {
      setError(t("fileTooLarge", { megabytes: SERVER_ACTION_BODY_LIMIT_BYTES / (1024 * 1024) }));
      return;
    }
    setError(null);
    const reader = new FileReader();
    reader.onprogress = (event) => event.lengthComputable && setReadProgress(Math.round((event.loaded / event.total) * 100));
    reader.onload = () => {
      setReadProgress(100);
      const text = String(reader.result ?? "");
      setCsv(text);
      void runPreview(text, null);
    };
    reader.onerror = () => setError(t("readFailed"));
    setReadProgress(0);
    reader.readAsText(file, "utf-8");
  }

  async function onCommit() {
    if (!csv || !mapping) return;
    setBusy("commit");
    setError(null);
    setProgress(null);
    const url = `/api/v1/businesses/${businessId}/invoices/import?mapping=${encodeURIComponent(JSON.stringify(mapping))}`;
    const response = await streamImport({ url, csv, onProgress: setProgress });
    setBusy(null);
    setProgress(null);
    if (!response.ok) {
      setError(response.error.code === "CONNECTION_LOST" ? t("progress.connectionLost") : t("nothingImported", { message: refusalText(response.error) }));
      return;
    }
    setResult(response.data);
    setPreview(null);
    setCsv(null);
    router.refresh();
  }

  function progressText(current: ClientImportProgress | null): string {
    if (!current) return t("importingRows", { count: preview?.summary.new ?? 0 });
    if (current.phase === "uploading") return t("progress.uploading", { percent: Math.round((current.done / Math.max(1, current.total)) * 100) });
    if (current.phase === "checking") return t("progress.checkingRows", { total: current.total });
    if (current.phase === "saving") return t("progress.saving", { done: current.done, total: current.total });
    return t("progress.committing");
  }
  const determinate = progress && (progress.phase === "uploading" || progress.phase === "saving") ? progress : null;

  const changeColumn = (field: string, header: string) => {
    if (!mapping || !csv) return;
    const columns = { ...mapping.columns } as Record<string, string>;
    if (header) columns[field] = header;
    else delete columns[field];
    const next = { ...mapping, columns };
    setMapping(next);
    void runPreview(csv, next);
  };

  const rank = { error: 0, review: 1, new: 2, existing: 3 } as const;
  const visibleRows = preview ? [...preview.rows].sort((a, b) => rank[a.status] - rank[b.status]).slice(0, PREVIEW_ROWS) : [];
  const reviewGroups = preview ? [...new Set(preview.rows.map((row) => row.reviewGroup).filter((group): group is string => !!group))] : [];

  /** A category chosen for one row (line) or for a group of rows; "" takes the choice back. */
  function chooseCategory(kind: "rowCategories" | "groupCategories", key: string, code: string) {
    if (!mapping || !csv) return;
    const choices = { ...(mapping[kind] ?? {}) } as Record<string, ImportMapping["defaultCategory"]>;
    if (code) choices[key] = code as ImportMapping["defaultCategory"];
    else delete choices[key];
    const next = { ...mapping, [kind]: choices };
    setMapping(next);
    void runPreview(csv, next);
  }

  function warningText(warning: ImportWarning): string {
    if (warning.code === "skippedFiles") return t("warnings.skippedFiles", { count: warning.count });
    if (warning.code === "looksLikeCents") return t("warnings.looksLikeCents", { total: money.format(warning.fileNetCents / 100), centsReading: money.format(warning.centsReadingNetCents / 100) });
    return t("warnings.tenTimesLargestYear", { year: warning.year, total: money.format(warning.fileYearNetCents / 100), largestYear: warning.largestYear, largest: money.format(warning.largestYearNetCents / 100) });
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
    <div className="space-y-6">
      <div>
        <label htmlFor="import-file" className="block text-sm font-medium">
          {t("file")}
        </label>
        <input id="import-file" type="file" accept=".csv,text/csv" onChange={(event) => onFile(event.target.files?.[0])} className="mt-1 block text-sm" aria-describedby="import-file-hint" />
        <p id="import-file-hint" className="mt-1 text-sm text-slate-600">
          {t("fileHint")}
        </p>
        {readProgress !== null && readProgress < 100 ? (
          <progress value={readProgress} max={100} aria-label={t("reading", { name: fileName })} className="mt-2 w-full" />
        ) : null}
      </div>

      {busy ? (
        <div role="status" className="flex flex-wrap items-center gap-3 rounded bg-slate-100 p-3">
          {busy === "commit" && determinate ? (
            <progress aria-label={t("importing")} value={determinate.done} max={Math.max(1, determinate.total)} className="w-40" />
          ) : (
            <progress aria-label={busy === "commit" ? t("importing") : t("checking")} className="w-40" />
          )}
          <span>{busy === "commit" ? progressText(progress) : t("checking")}</span>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="rounded bg-red-50 p-3 font-medium text-red-800">
          {error}
        </p>
      ) : null}
      {result ? (
        <p role="status" className="rounded bg-green-50 p-3 font-medium text-green-900">
          {t("done", { created: result.created, skipped: result.skipped })}
        </p>
      ) : null}

      {preview && mapping ? (
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
          {mapping.ownFormat ? <p className="rounded bg-slate-100 p-3 text-sm" role="status">{t("ownFormat")}</p> : null}
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
                      value={mapping.groupCategories?.[group] ?? ""}
                      onChange={(event) => chooseCategory("groupCategories", group, event.target.value)}
                      className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
                    >
                      {categoryOptions}
                    </select>
                  </div>
                ))}
              </div>
            </fieldset>
          ) : null}
          <fieldset className="rounded-md border border-slate-200 p-4">
            <legend className="px-1 font-semibold">{t("mapping")}</legend>
            <p className="mb-3 text-sm text-slate-600">{t("mappingHint")}</p>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {IMPORT_FIELDS.map((field) => (
                <div key={field}>
                  <label htmlFor={`map-${field}`} className="block text-sm font-medium">
                    {t(`fields.${field}`)}
                  </label>
                  <select
                    id={`map-${field}`}
                    value={mapping.columns[field] ?? ""}
                    onChange={(event) => changeColumn(field, event.target.value)}
                    className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
                  >
                    <option value="">{t("notInFile")}</option>
                    {preview.headers.map((header) => (
                      <option key={header} value={header}>
                        {header}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
              <div>
                <label htmlFor="map-default-category" className="block text-sm font-medium">
                  {t("defaultCategory")}
                </label>
                <select
                  id="map-default-category"
                  value={mapping.defaultCategory}
                  onChange={(event) => {
                    const next = { ...mapping, defaultCategory: event.target.value as ImportMapping["defaultCategory"] };
                    setMapping(next);
                    if (csv) void runPreview(csv, next);
                  }}
                  className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
                >
                  {categories.map((category) => (
                    <option key={category.code} value={category.code}>
                      {category.label[locale]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </fieldset>

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
                    <th scope="col" className="py-2 pr-3">{t("line")}</th>
                    <th scope="col" className="py-2 pr-3">{t("fields.number")}</th>
                    <th scope="col" className="py-2 pr-3">{t("fields.date")}</th>
                    <th scope="col" className="py-2 pr-3">{t("fields.customerName")}</th>
                    <th scope="col" className="py-2 pr-3 text-right">{t("fields.netAmount")}</th>
                    <th scope="col" className="py-2 pr-3">{t("status")}</th>
                    <th scope="col" className="py-2 pr-3">{t("counts")}</th>
                    <th scope="col" className="py-2">{t("vat")}</th>
                  </tr>
                </thead>
                <tbody>
                  {visibleRows.map((row) => (
                    <tr key={row.line} className={`border-b border-slate-100 align-top ${row.status === "error" ? "bg-red-50" : row.status === "review" ? "bg-amber-50" : ""}`}>
                      <td className="py-1 pr-3">{row.line}</td>
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
                        ) : row.status === "review" || (row.reviewGroup && mapping.rowCategories?.[String(row.line)]) ? (
                          <select
                            aria-label={t("reviewRow", { line: row.line })}
                            value={mapping.rowCategories?.[String(row.line)] ?? ""}
                            onChange={(event) => chooseCategory("rowCategories", String(row.line), event.target.value)}
                            className="rounded-md border border-amber-400 px-2 py-1 text-sm"
                          >
                            {categoryOptions}
                          </select>
                        ) : (
                          t(row.deleted && row.status === "new" ? "rowStatus.deleted" : `rowStatus.${row.status}`)
                        )}
                      </td>
                      <td className="py-1 pr-3">{row.countsForKor === null ? "" : row.countsForKor ? t("countsYes") : t("countsNo")}</td>
                      <td className="py-1">
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
            {preview.rows.length > PREVIEW_ROWS ? <p className="mt-2 text-sm text-slate-600">{t("moreRows", { count: preview.rows.length - PREVIEW_ROWS })}</p> : null}
          </section>

          <div className="flex flex-wrap items-center gap-4">
            <Button type="button" onClick={onCommit} disabled={busy !== null || preview.summary.errors > 0 || preview.summary.review > 0 || preview.summary.new === 0} aria-busy={busy === "commit"}>
              {t("commit", { count: preview.summary.new })}
            </Button>
            {preview.summary.errors > 0 ? <p className="text-sm font-medium text-red-800">{t("fixFirst")}</p> : null}
          </div>
        </>
      ) : null}
    </div>
  );
}

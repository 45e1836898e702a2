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
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/platform/http/body-limits";
import { FileDrop } from "@/components/import/file-drop";
import { ImportBusyStatus } from "@/components/import/import-status";
import { ImportPreviewView } from "@/components/import/import-preview-view";
import { useUpload } from "@/components/import/use-upload";
import type { ImportMapping, ImportPreview } from "@/lib/features/invoices/import/import.types";
import { IMPORT_FIELDS } from "@/lib/features/invoices/import/import.types";
import type { ImportResult } from "@/lib/features/invoices/import/import-invoices";

type Props = { businessId: string; categories: { code: string; label: { nl: string; en: string } }[] };

export function ImportWizard({ businessId, categories }: Props) {
  const t = useTranslations("importCsv");
  const locale = useLocale() as "nl" | "en";
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [readProgress, setReadProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [busy, setBusy] = useState<"preview" | "commit" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  // Previews and the import share one upload (use-upload.ts): changing the mapping quickly
  // never shows an older answer or sends two previews of one business at once.
  const { upload, progress } = useUpload<ImportPreview | ImportResult>();
  const router = useRouter();

  async function runPreview(text: string, nextMapping: ImportMapping | null) {
    setBusy("preview");
    setError(null);
    const query = `?dryRun=true${nextMapping ? `&mapping=${encodeURIComponent(JSON.stringify(nextMapping))}` : ""}`;
    const outcome = await upload({
      url: `/api/v1/businesses/${businessId}/invoices/import${query}`,
      body: text,
      contentType: "text/csv; charset=utf-8",
    });
    if (!outcome.ok && "superseded" in outcome) return;
    setBusy((current) => (current === "preview" ? null : current));
    if (!outcome.ok) {
      setError(outcome.message);
      setPreview(null);
      return;
    }
    const answer = outcome.data as ImportPreview;
    setPreview(answer);
    setMapping(answer.mapping);
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
    const url = `/api/v1/businesses/${businessId}/invoices/import?mapping=${encodeURIComponent(JSON.stringify(mapping))}`;
    const response = await upload({ url, body: csv, contentType: "text/csv; charset=utf-8", stream: true });
    if (!response.ok && "superseded" in response) return;
    setBusy(null);
    if (!response.ok) {
      setError(
        response.error.code === "CONNECTION_LOST" ? t("progress.connectionLost") : t("nothingImported", { message: response.message }),
      );
      return;
    }
    setResult(response.data as ImportResult);
    setPreview(null);
    setCsv(null);
    router.refresh();
  }

  const changeColumn = (field: string, header: string) => {
    if (!mapping || !csv) return;
    const columns = { ...mapping.columns } as Record<string, string>;
    if (header) columns[field] = header;
    else delete columns[field];
    const next = { ...mapping, columns };
    setMapping(next);
    void runPreview(csv, next);
  };

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

  return (
    <div className="space-y-6">
      <div>
        <FileDrop
          id="import-file"
          label={t("file")}
          hint={t("fileHint")}
          accept=".csv,text/csv"
          onFile={onFile}
          disabled={busy === "commit"}
        />
        {readProgress !== null && readProgress < 100 ? (
          <progress value={readProgress} max={100} aria-label={t("reading", { name: fileName })} className="mt-2 w-full" />
        ) : null}
      </div>

      {busy ? <ImportBusyStatus busy={busy} progress={progress} newRows={preview?.summary.new ?? 0} /> : null}
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
          {mapping.ownFormat ? (
            <p className="rounded bg-slate-100 p-3 text-sm" role="status">
              {t("ownFormat")}
            </p>
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

          <ImportPreviewView
            preview={preview}
            choices={mapping}
            categories={categories}
            onChoose={(kind, key, code) => {
              // A purchase's own category is chosen in the purchase e-invoice import only.
              if (kind !== "rowPurchaseCategories") chooseCategory(kind, key, code);
            }}
            onCommit={onCommit}
            busy={busy !== null}
            committing={busy === "commit"}
          />
        </>
      ) : null}
    </div>
  );
}

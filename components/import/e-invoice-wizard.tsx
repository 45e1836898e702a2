"use client";
// The e-invoice import: choose one UBL file or a zip, see the same preview as for a CSV
// file (each document's category from its VAT category code; what cannot be classified
// safely waits for the user's choice), then import all or nothing with its progress.
// With kind "purchases" the same wizard imports received e-invoices as purchases: its own
// route, words, and choices (a VAT treatment and rate instead of a sales category).
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/http/body-limits";
import { streamImport, type ClientImportProgress, type ImportError } from "@/components/import/stream-import";
import { FileDrop } from "@/components/import/file-drop";
import { ImportBusyStatus, useRefusalText } from "@/components/import/import-status";
import { ImportPreviewView, type CategoryChoices } from "@/components/import/import-preview-view";
import { latestOnly } from "@/components/import/latest-only";
import type { ImportPreview } from "@/lib/invoices/import/import.types";

type Props = {
  businessId: string;
  categories: { code: string; label: { nl: string; en: string } }[];
  /** Sales invoices (the default) or purchases. */
  kind?: "invoices" | "purchases";
};
type Result = { created: number; skipped: number; total: number };

const contentTypeOf = (file: File) => (/\.zip$/i.test(file.name) || /zip/.test(file.type) ? "application/zip" : "application/xml");

export function EInvoiceWizard({ businessId, categories, kind = "invoices" }: Props) {
  const tSales = useTranslations("importEInvoices");
  const tPurchases = useTranslations("purchases.eInvoices");
  const t = (key: "file" | "fileHint" | "done", values?: { created: number; skipped: number }) =>
    kind === "purchases" ? tPurchases(key, values) : tSales(key, values);
  const tCsv = useTranslations("importCsv");
  const refusalText = useRefusalText();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [choices, setChoices] = useState<CategoryChoices>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<"preview" | "commit" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [progress, setProgress] = useState<ClientImportProgress | null>(null);

  const url = (chosen: File, extra: CategoryChoices, dryRun: boolean) =>
    `/api/v1/businesses/${businessId}/${kind}/e-invoices?${new URLSearchParams({ ...(dryRun ? { dryRun: "true" } : {}), categories: JSON.stringify(extra), fileName: chosen.name })}`;

  async function fetchPreview({
    file: chosen,
    choices: extra,
  }: {
    file: File;
    choices: CategoryChoices;
  }): Promise<{ data?: ImportPreview; error?: string }> {
    const response = await fetch(url(chosen, extra, true), {
      method: "POST",
      headers: { "content-type": contentTypeOf(chosen), accept: "application/json" },
      body: chosen,
    }).catch(() => null);
    const body = response ? ((await response.json().catch(() => null)) as { data?: ImportPreview; error?: ImportError } | null) : null;
    if (!response?.ok || !body?.data) return { error: body?.error ? refusalText(body.error) : tCsv("failed") };
    return { data: body.data };
  }

  const askPreview = useRef<((args: { file: File; choices: CategoryChoices }) => void) | null>(null);
  askPreview.current ??= latestOnly(fetchPreview, (outcome) => {
    setBusy((current) => (current === "preview" ? null : current));
    if (outcome.error || !outcome.data) {
      setError(outcome.error ?? tCsv("failed"));
      setPreview(null);
      return;
    }
    setPreview(outcome.data);
  });

  function runPreview(chosen: File, extra: CategoryChoices) {
    setBusy("preview");
    setError(null);
    askPreview.current!({ file: chosen, choices: extra });
  }

  function onFile(chosen: File | undefined) {
    setResult(null);
    setPreview(null);
    setChoices({});
    setFile(chosen ?? null);
    if (!chosen) return;
    if (chosen.size > SERVER_ACTION_BODY_LIMIT_BYTES) {
      setError(tCsv("fileTooLarge", { megabytes: SERVER_ACTION_BODY_LIMIT_BYTES / (1024 * 1024) }));
      return;
    }
    runPreview(chosen, {});
  }

  function chooseCategory(kind: "rowCategories" | "groupCategories", key: string, code: string) {
    if (!file) return;
    const current = { ...(choices[kind] ?? {}) } as Record<string, string>;
    if (code) current[key] = code;
    else delete current[key];
    const next = { ...choices, [kind]: current } as CategoryChoices;
    setChoices(next);
    runPreview(file, next);
  }

  async function onCommit() {
    if (!file) return;
    setBusy("commit");
    setError(null);
    setProgress(null);
    const response = await streamImport<Result>({
      url: url(file, choices, false),
      body: file,
      contentType: contentTypeOf(file),
      onProgress: setProgress,
    });
    setBusy(null);
    setProgress(null);
    if (!response.ok) {
      setError(
        response.error.code === "CONNECTION_LOST"
          ? tCsv("progress.connectionLost")
          : tCsv("nothingImported", { message: refusalText(response.error) }),
      );
      return;
    }
    setResult(response.data);
    setPreview(null);
    setFile(null);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <FileDrop
        id={kind === "purchases" ? "purchase-e-invoice-file" : "e-invoice-file"}
        label={t("file")}
        hint={t("fileHint")}
        accept=".xml,.zip,application/xml,text/xml,application/zip"
        onFile={onFile}
        disabled={busy === "commit"}
      />
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
      {preview ? (
        <ImportPreviewView
          preview={preview}
          choices={choices}
          categories={categories}
          onChoose={chooseCategory}
          onCommit={onCommit}
          busy={busy !== null}
          committing={busy === "commit"}
          kind={kind}
        />
      ) : null}
    </div>
  );
}

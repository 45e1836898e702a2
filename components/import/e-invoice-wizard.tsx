"use client";
// The e-invoice import: choose one UBL file or a zip, see the same preview as for a CSV
// file (each document's category from its VAT category code; what cannot be classified
// safely waits for the user's choice), then import all or nothing with its progress.
// With kind "purchases" the same wizard imports received e-invoices as purchases: its own
// route, words, and choices (a VAT treatment and rate instead of a sales category).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/platform/http/body-limits";
import { FileDrop } from "@/components/import/file-drop";
import { ImportBusyStatus } from "@/components/import/import-status";
import { ImportPreviewView, type CategoryChoices } from "@/components/import/import-preview-view";
import { useUpload } from "@/components/import/use-upload";
import type { ImportPreview } from "@/lib/features/invoices/import/import.types";

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
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [choices, setChoices] = useState<CategoryChoices>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<"preview" | "commit" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  // Previews and the import share one upload (use-upload.ts): only the newest answer shows.
  const { upload, progress } = useUpload<ImportPreview | Result>();

  const url = (chosen: File, extra: CategoryChoices, dryRun: boolean) =>
    `/api/v1/businesses/${businessId}/${kind}/e-invoices?${new URLSearchParams({ ...(dryRun ? { dryRun: "true" } : {}), categories: JSON.stringify(extra), fileName: chosen.name })}`;

  async function runPreview(chosen: File, extra: CategoryChoices) {
    setBusy("preview");
    setError(null);
    const outcome = await upload({ url: url(chosen, extra, true), body: chosen, contentType: contentTypeOf(chosen) });
    if (!outcome.ok && "superseded" in outcome) return;
    setBusy((current) => (current === "preview" ? null : current));
    if (!outcome.ok) {
      setError(outcome.message);
      setPreview(null);
      return;
    }
    setPreview(outcome.data as ImportPreview);
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
    void runPreview(chosen, {});
  }

  function chooseCategory(kind: "rowCategories" | "groupCategories" | "rowPurchaseCategories", key: string, code: string) {
    if (!file) return;
    const current = { ...(choices[kind] ?? {}) } as Record<string, string>;
    if (code) current[key] = code;
    else delete current[key];
    const next = { ...choices, [kind]: current } as CategoryChoices;
    setChoices(next);
    void runPreview(file, next);
  }

  async function onCommit() {
    if (!file) return;
    setBusy("commit");
    setError(null);
    const response = await upload({ url: url(file, choices, false), body: file, contentType: contentTypeOf(file), stream: true });
    if (!response.ok && "superseded" in response) return;
    setBusy(null);
    if (!response.ok) {
      setError(
        response.error.code === "CONNECTION_LOST"
          ? tCsv("progress.connectionLost")
          : tCsv("nothingImported", { message: response.message }),
      );
      return;
    }
    setResult(response.data as Result);
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

"use client";
// What the import pages share around the preview: a refusal of the import API in the
// user's language, and the status line with progress while a file is checked or imported.
import { useTranslations } from "next-intl";
import { CROSS_SITE_REFUSED } from "@/lib/platform/api/api-error-messages";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/platform/http/body-limits";
import { useErrorText } from "@/components/forms/field";
import type { ClientImportProgress, ImportError } from "@/components/import/stream-import";

/** An API refusal in the user's language: its field's message, else by its code. */
export function useRefusalText() {
  const t = useTranslations("importCsv");
  const tErrors = useTranslations("errors");
  const errorText = useErrorText();
  return (refusal: ImportError): string => {
    const field = refusal.fieldKeys ? Object.values(refusal.fieldKeys)[0] : undefined;
    if (field) return errorText(field) ?? t("failed");
    if (refusal.message === CROSS_SITE_REFUSED) return tErrors("crossSite");
    if (refusal.code === "FORBIDDEN") return tErrors("forbidden");
    if (refusal.code === "NOT_FOUND") return tErrors("notFoundText");
    if (refusal.code === "RATE_LIMITED") return tErrors("rateLimited");
    if (refusal.code === "PAYLOAD_TOO_LARGE") return t("fileTooLarge", { megabytes: SERVER_ACTION_BODY_LIMIT_BYTES / (1024 * 1024) });
    if (refusal.code === "CONNECTION_LOST") return t("progress.connectionLost");
    return t("failed");
  };
}

export function ImportBusyStatus({
  busy,
  progress,
  newRows,
}: {
  busy: "preview" | "commit";
  progress: ClientImportProgress | null;
  newRows: number;
}) {
  const t = useTranslations("importCsv");
  function progressText(current: ClientImportProgress | null): string {
    if (!current) return t("importingRows", { count: newRows });
    if (current.phase === "uploading")
      return t("progress.uploading", { percent: Math.round((current.done / Math.max(1, current.total)) * 100) });
    if (current.phase === "checking") return t("progress.checkingRows", { total: current.total });
    if (current.phase === "saving") return t("progress.saving", { done: current.done, total: current.total });
    return t("progress.committing");
  }
  const determinate = progress && (progress.phase === "uploading" || progress.phase === "saving") ? progress : null;
  return (
    <div role="status" className="flex flex-wrap items-center gap-3 rounded bg-slate-100 p-3">
      {busy === "commit" && determinate ? (
        <progress aria-label={t("importing")} value={determinate.done} max={Math.max(1, determinate.total)} className="w-40" />
      ) : (
        <progress aria-label={busy === "commit" ? t("importing") : t("checking")} className="w-40" />
      )}
      <span>{busy === "commit" ? progressText(progress) : t("checking")}</span>
    </div>
  );
}

"use client";
// The bank-statement import: upload a statement (with progress), see what it held, and
// review its incoming payments — the candidates to decide on, and the payments left out
// or matched to an invoice, each with its reason — one filter and one page at a time (the
// filter and page are in the address). The page is fetched again from the review API after
// every upload.
import { useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { CROSS_SITE_REFUSED } from "@/lib/platform/api/api-error-messages";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/platform/http/body-limits";
import { dateTimeFormat, numberFormat } from "@/lib/platform/i18n/intl-format";
import { useErrorText } from "@/components/forms/field";
import { BankLineReview, type CategoryOption } from "@/components/bank/bank-line-review";
import { useUpload } from "@/components/import/use-upload";
import type { ImportError } from "@/components/import/stream-import";
import type { BankImportResult } from "@/lib/features/bank/import-bank-statement";
import { BankLineFilters, BankLinePages, type BankLineView } from "@/components/bank/bank-line-pages";
import type { BankLineDto, BankStatementSummary } from "@/lib/features/bank/bank-import.types";
import type { BankLinePage } from "@/lib/features/bank/list-bank-lines";

type Props = { businessId: string; categories: CategoryOption[]; filter: BankLineView; initial: BankLinePage; readOnly: boolean };
const MEGABYTES = SERVER_ACTION_BODY_LIMIT_BYTES / (1024 * 1024);

/** The filter a line is counted under, once decided. */
const FILTER_OF: Partial<Record<BankLineDto["status"], BankLineView>> = {
  accepted: "accepted",
  rejected: "rejected",
  matched: "left_out",
  excluded: "left_out",
};

export function BankStatementImport({ businessId, categories, filter, initial, readOnly }: Props) {
  const t = useTranslations("bank.page");
  const tErrors = useTranslations("errors");
  const errorText = useErrorText();
  const router = useRouter();
  const locale = useLocale();
  const tag = locale === "en" ? "en-GB" : "nl-NL";
  const money = (cents: number, currency: string) => numberFormat(tag, { style: "currency", currency }).format(cents / 100);
  const dateInWords = (date: string) =>
    dateTimeFormat(tag, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
  const [lines, setLines] = useState(initial.data);
  const [place, setPlace] = useState(initial.page);
  const [counts, setCounts] = useState(initial.counts);
  const [uploading, setUploading] = useState(false);
  // The newest lines and counts, for decisions that end one after another before a render.
  const latest = useRef({ lines, counts });
  latest.current = { lines, counts };
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<BankStatementSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function refusalText(refusal: ImportError): string {
    const field = refusal.fieldKeys ? Object.values(refusal.fieldKeys)[0] : undefined;
    if (field) return errorText(field) ?? t("failed");
    if (refusal.message === CROSS_SITE_REFUSED) return tErrors("crossSite");
    if (refusal.code === "FORBIDDEN") return tErrors("forbidden");
    if (refusal.code === "NOT_FOUND") return tErrors("notFoundText");
    if (refusal.code === "RATE_LIMITED") return tErrors("rateLimited");
    if (refusal.code === "PAYLOAD_TOO_LARGE") return t("fileTooLarge", { megabytes: MEGABYTES });
    if (refusal.code === "CONNECTION_LOST") return t("connectionLost");
    return t("failed");
  }

  const { upload, progress: sent } = useUpload<BankImportResult>(refusalText);
  // While the bytes travel, their share; once all are sent, the server is at work.
  const percent = sent?.phase === "uploading" ? Math.round((sent.done / Math.max(1, sent.total)) * 100) : 0;
  const progress = uploading ? { percent, uploaded: percent === 100 } : null;

  async function reload() {
    setLoading(true);
    const query = new URLSearchParams({ status: filter, page: String(place.page), pageSize: String(place.pageSize) });
    const response = await fetch(`/api/v1/businesses/${businessId}/bank-lines?${query}`, {
      headers: { accept: "application/json" },
    }).catch(() => null);
    const body = response?.ok ? ((await response.json().catch(() => null)) as Partial<BankLinePage> | null) : null;
    if (body?.data && body.page && body.counts) {
      setLines(body.data);
      setPlace(body.page);
      setCounts(body.counts);
    }
    setLoading(false);
  }

  async function onFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    setError(null);
    setSummary(null);
    setNotice(null);
    if (!file) return;
    if (file.size > SERVER_ACTION_BODY_LIMIT_BYTES) {
      setError(t("fileTooLarge", { megabytes: MEGABYTES }));
      return;
    }
    setUploading(true);
    // The format is recognised from the content; octet-stream says no more than that.
    const outcome = await upload({
      url: `/api/v1/businesses/${businessId}/bank-statements`,
      body: file,
      contentType: "application/octet-stream",
    });
    if (!outcome.ok && "superseded" in outcome) return;
    setUploading(false);
    input.value = "";
    if (!outcome.ok) {
      setError(outcome.message);
      if (outcome.error.code === "CONNECTION_LOST") await reload();
      return;
    }
    setSummary(outcome.data.statement);
    await reload();
    if (outcome.data.statement.acceptedByRule > 0) router.refresh();
  }

  function onDecided(line: BankLineDto, message: string) {
    const before = latest.current;
    const next = before.lines.map((existing) => (existing.id === line.id ? line : existing));
    const moved = FILTER_OF[line.status];
    const nextCounts = {
      ...before.counts,
      candidates: before.counts.candidates - 1,
      ...(moved ? { [moved]: before.counts[moved] + 1 } : {}),
    };
    latest.current = { lines: next, counts: nextCounts };
    setLines(next);
    setCounts(nextCounts);
    setNotice(message);
    router.refresh();
    // The last candidate of this page is decided while others wait: bring the next ones.
    if (filter === "candidates" && nextCounts.candidates > 0 && !next.some((l) => l.status === "candidate")) void reload();
  }

  const candidates = lines
    .filter((line) => line.status === "candidate")
    .sort((a, b) => (a.bookingDate < b.bookingDate ? -1 : a.bookingDate > b.bookingDate ? 1 : 0));
  const leftOut = lines.filter((line) => line.status === "matched" || line.status === "excluded");
  const showCandidates = filter === "incoming" || filter === "candidates";
  const decided = lines.filter((line) => line.status === "accepted" || line.status === "rejected");
  const reason = (line: BankLineDto) =>
    line.status === "matched"
      ? t("reason.matched", { number: line.matchedInvoice?.number ?? "" })
      : t(`reason.${line.exclusion ?? "refund"}`);

  return (
    <div className="space-y-6">
      {readOnly ? (
        <p>{t("readOnly")}</p>
      ) : (
        <div>
          <label htmlFor="bank-statement-file" className="block font-medium">
            {t("file")}
          </label>
          <input
            id="bank-statement-file"
            type="file"
            accept=".xml,.sta,.mt940,.940,.txt,.csv,application/xml,text/xml,text/plain,text/csv"
            disabled={progress !== null}
            aria-describedby="bank-statement-file-hint"
            onChange={(event) => void onFile(event.currentTarget)}
            className="mt-1 block w-full max-w-full text-sm"
          />
          <p id="bank-statement-file-hint" className="mt-1 text-sm text-slate-600">
            {t("fileHint", { megabytes: MEGABYTES })}
          </p>
          {progress ? (
            <div className="mt-3" role="status">
              <progress
                className="w-full"
                max={100}
                value={progress.uploaded ? undefined : progress.percent}
                aria-label={progress.uploaded ? t("processing") : t("uploading", { percent: progress.percent })}
              />
              <p className="text-sm">{progress.uploaded ? t("processing") : t("uploading", { percent: progress.percent })}</p>
            </div>
          ) : null}
          {error ? (
            <p role="alert" className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-800">
              {error}
            </p>
          ) : null}
        </div>
      )}

      {summary ? (
        <section aria-labelledby="bank-summary-title" role="status" className="rounded-md bg-brand-50 p-4 text-sm">
          <h2 id="bank-summary-title" className="font-semibold">
            {t("summaryTitle")}
          </h2>
          <p>
            {summary.newLines === 0
              ? t("nothingNew")
              : t("summary", {
                  lines: summary.lines,
                  newLines: summary.newLines,
                  candidates: summary.candidates,
                  matched: summary.matched,
                  excluded: summary.excluded,
                  acceptedByRule: summary.acceptedByRule,
                })}
          </p>
          {summary.fromDate && summary.toDate ? (
            <p>
              {t("period", {
                from: dateInWords(summary.fromDate),
                to: dateInWords(summary.toDate),
                // A file may hold several accounts (CAMT.053 statements, MT940 messages): name each.
                count: Math.max(summary.accountIbans.length, 1),
                account: (summary.accountIbans.length > 0 ? summary.accountIbans : [summary.accountIban ?? ""]).join(", "),
              })}
            </p>
          ) : null}
        </section>
      ) : null}
      {notice ? (
        <p role="status" className="text-sm text-green-800">
          {notice}
        </p>
      ) : null}

      <div className="space-y-3">
        <BankLineFilters businessId={businessId} filter={filter} counts={counts} />
        <BankLinePages businessId={businessId} filter={filter} {...place} />
      </div>

      {!showCandidates && !loading && lines.length === 0 ? <p>{t("emptyFilter")}</p> : null}

      {showCandidates ? (
        <section aria-labelledby="bank-candidates-title" aria-busy={loading}>
          <h2 id="bank-candidates-title" className="mb-2 text-lg font-semibold">
            {t("candidatesTitle")}
          </h2>
          {loading ? (
            <p role="status">{t("loading")}</p>
          ) : candidates.length === 0 ? (
            <p>{counts.candidates > 0 ? t("emptyFilter") : t("empty")}</p>
          ) : (
            <ul className="space-y-3">
              {candidates.map((line) =>
                readOnly ? (
                  <li key={line.id} className="rounded-lg border border-slate-200 p-4">
                    <p className="font-semibold">{line.counterpartyName ?? t("unknownCounterparty")}</p>
                    <p className="text-sm">
                      {dateInWords(line.bookingDate)} · {money(line.amountCents, line.currency)}
                    </p>
                    <p className="text-sm break-words">{line.description}</p>
                  </li>
                ) : (
                  <BankLineReview
                    key={line.id}
                    businessId={businessId}
                    line={line}
                    categories={categories}
                    money={money}
                    dateInWords={dateInWords}
                    onDecided={onDecided}
                  />
                ),
              )}
            </ul>
          )}
        </section>
      ) : null}

      {leftOut.length > 0 ? (
        <section aria-labelledby="bank-left-out-title">
          <h2 id="bank-left-out-title" className="text-lg font-semibold">
            {t("leftOutTitle")}
          </h2>
          <p className="mb-2 text-sm text-slate-600">{t("leftOutIntro")}</p>
          <ul className="divide-y divide-slate-200 text-sm">
            {leftOut.map((line) => (
              <li key={line.id} className="flex flex-wrap justify-between gap-x-4 py-2">
                <span className="break-words">
                  {line.counterpartyName ?? t("unknownCounterparty")} · {dateInWords(line.bookingDate)}
                </span>
                <span className="tabular-nums">{money(line.amountCents, line.currency)}</span>
                <span className="w-full text-slate-600">{reason(line)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {decided.length > 0 ? (
        <section aria-labelledby="bank-decided-title">
          <h2 id="bank-decided-title" className="mb-2 text-lg font-semibold">
            {t("decidedTitle")}
          </h2>
          <ul className="divide-y divide-slate-200 text-sm">
            {decided.map((line) => (
              <li key={line.id} className="flex flex-wrap justify-between gap-x-4 py-2">
                <span className="break-words">
                  {line.counterpartyName ?? t("unknownCounterparty")} · {dateInWords(line.bookingDate)}
                </span>
                <span className="tabular-nums">{money(line.amountCents, line.currency)}</span>
                <span className="w-full text-slate-600">
                  {line.status === "accepted" ? t("status.accepted", { number: line.invoice?.number ?? "" }) : t("status.rejected")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {place.pages > 1 ? <BankLinePages businessId={businessId} filter={filter} {...place} /> : null}
    </div>
  );
}

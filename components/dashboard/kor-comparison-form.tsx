"use client";
// "Should I be in the KOR?": the year's own sales and the VAT on the purchases registered
// for the year (voorbelasting, not typed by hand), with the share of business customers the
// user chooses; compareKor does the sums. Whoever may write the books saves the answer
// (saveKorComparison recomputes it on the server from the same figures).
import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { saveKorComparisonAction } from "@/lib/features/purchases/actions";
import { compareKor } from "@/lib/features/dashboard/kor-comparison";
import type { DashboardData } from "@/lib/features/dashboard/dashboard.types";
import { formatCents, toLanguage } from "@/lib/platform/i18n/format";

type Props = { businessId: string; comparison: DashboardData["comparison"]; year: number; canWrite: boolean };

export function KorComparisonForm({ businessId, comparison, year, canWrite }: Props) {
  const { salesByRate, countedCents, korAvailable, inputVatCents, purchaseCount, saved } = comparison;
  const t = useTranslations("dashboard");
  const language = toLanguage(useLocale());
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [share, setShare] = useState(String(saved?.businessCustomerShare ?? 0));
  const [status, setStatus] = useState("");
  const shareNumber = share.trim() === "" ? 0 : Number(share.replace(",", "."));
  const shareValid = Number.isFinite(shareNumber) && shareNumber >= 0 && shareNumber <= 100;
  const money = (cents: number) => formatCents(cents, language);
  const outputVat = salesByRate.reduce((sum, s) => sum + Math.round((s.netCents * s.ratePercent) / 100), 0);
  const result = shareValid ? compareKor({ salesByRate, inputVatCents, businessCustomerShare: shareNumber / 100 }) : null;

  return (
    <div className="text-sm">
      <p>{t("comparison.intro", { year, counted: money(countedCents), vat: money(outputVat) })}</p>
      {korAvailable ? null : <p className="mt-2 font-medium text-amber-900">{t("comparison.notAvailable")}</p>}
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <div>
          <p className="font-medium">{t("comparison.inputVat")}</p>
          <p className="mt-1 text-base font-semibold tabular-nums" data-testid="kor-comparison-input-vat">
            {money(inputVatCents)}
          </p>
          <p className="mt-1 text-xs text-slate-700">
            {t("comparison.inputVatFromPurchases", { count: purchaseCount, year })}{" "}
            <Link href={`/businesses/${businessId}/purchases?year=${year}`} className="font-medium text-brand-700 underline">
              {t("comparison.purchasesLink")}
            </Link>
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-share`} className="block font-medium">
            {t("comparison.businessShare")}
          </label>
          <input
            id={`${id}-share`}
            type="number"
            min={0}
            max={100}
            step={1}
            value={share}
            onChange={(e) => setShare(e.target.value)}
            aria-invalid={!shareValid}
            aria-describedby={`${id}-share-hint${shareValid ? "" : ` ${id}-share-error`}`}
            className="mt-1 w-full rounded border border-slate-400 px-2 py-1"
          />
          <p id={`${id}-share-hint`} className="mt-1 text-xs text-slate-700">
            {t("comparison.businessShareHint")}
          </p>
          {shareValid ? null : (
            <p id={`${id}-share-error`} className="mt-1 text-xs font-medium text-red-800">
              {t("comparison.invalidShare")}
            </p>
          )}
        </div>
      </div>
      <div aria-live="polite" className="mt-3" data-testid="kor-comparison-result">
        {result ? (
          <>
            <ul className="list-disc pl-5">
              <li>{t("comparison.passedOn", { amount: money(result.vatPassedOnCents) })}</li>
              <li>{t("comparison.consumer", { amount: money(result.vatFromConsumerPricesCents) })}</li>
              <li>{t("comparison.reclaim", { amount: money(result.inputVatReclaimedCents) })}</li>
            </ul>
            <p className="mt-2 text-base font-semibold">
              {result.verdict === "even"
                ? t("comparison.even")
                : t(`comparison.${result.verdict}`, { amount: money(Math.abs(result.outsideMinusInsideCents)) })}
            </p>
          </>
        ) : null}
        <p className="mt-1 text-xs text-slate-700">{t("comparison.admin")}</p>
      </div>
      {saved ? (
        <p className="mt-2 text-xs text-slate-700" data-testid="kor-comparison-saved">
          {t("comparison.savedOn", {
            date: new Date(saved.savedAt).toLocaleDateString(language === "en" ? "en-GB" : "nl-NL", {
              dateStyle: "long",
              timeZone: "Europe/Amsterdam",
            }),
            share: saved.businessCustomerShare,
            vat: money(saved.inputVatCents),
          })}{" "}
          {saved.verdict === "even"
            ? t("comparison.even")
            : t(`comparison.${saved.verdict}`, { amount: money(Math.abs(saved.outsideMinusInsideCents)) })}
        </p>
      ) : null}
      {canWrite ? (
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <button
            type="button"
            disabled={pending || !shareValid}
            onClick={() =>
              startTransition(async () => {
                const outcome = await saveKorComparisonAction(businessId, { year, businessCustomerShare: shareNumber });
                setStatus(outcome.ok ? t("comparison.saved") : t("comparison.saveFailed"));
                if (outcome.ok) router.refresh();
              })
            }
            className="rounded border border-brand-700 px-3 py-1 font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-60"
          >
            {t("comparison.save")}
          </button>
          <p role="status" className="min-h-5 font-medium">
            {status}
          </p>
        </div>
      ) : null}
    </div>
  );
}

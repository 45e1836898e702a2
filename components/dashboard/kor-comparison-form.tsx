"use client";
// "Should I be in the KOR?": the user adds yearly input VAT and the share of business
// customers to the year's own sales; compareKor does the sums.
import { useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { compareKor, parseEuroInput } from "@/lib/dashboard/kor-comparison";
import type { SalesAtRate } from "@/lib/dashboard/dashboard.types";
import { formatCents, toLanguage } from "@/lib/i18n/format";

export function KorComparisonForm({ salesByRate, countedCents, korAvailable, year }: { salesByRate: SalesAtRate[]; countedCents: number; korAvailable: boolean; year: number }) {
  const t = useTranslations("dashboard");
  const language = toLanguage(useLocale());
  const id = useId();
  const [inputVat, setInputVat] = useState("0");
  const [share, setShare] = useState("0");
  const inputVatCents = parseEuroInput(inputVat);
  const shareNumber = share.trim() === "" ? 0 : Number(share.replace(",", "."));
  const shareValid = Number.isFinite(shareNumber) && shareNumber >= 0 && shareNumber <= 100;
  const money = (cents: number) => formatCents(cents, language);
  const outputVat = salesByRate.reduce((sum, s) => sum + Math.round((s.netCents * s.ratePercent) / 100), 0);
  const result = inputVatCents !== null && shareValid ? compareKor({ salesByRate, inputVatCents, businessCustomerShare: shareNumber / 100 }) : null;

  return (
    <div className="text-sm">
      <p>{t("comparison.intro", { year, counted: money(countedCents), vat: money(outputVat) })}</p>
      {korAvailable ? null : <p className="mt-2 font-medium text-amber-900">{t("comparison.notAvailable")}</p>}
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-vat`} className="block font-medium">{t("comparison.inputVat")}</label>
          <input
            id={`${id}-vat`}
            inputMode="decimal"
            value={inputVat}
            onChange={(e) => setInputVat(e.target.value)}
            aria-invalid={inputVatCents === null}
            aria-describedby={`${id}-vat-hint${inputVatCents === null ? ` ${id}-vat-error` : ""}`}
            className="mt-1 w-full rounded border border-slate-400 px-2 py-1"
          />
          <p id={`${id}-vat-hint`} className="mt-1 text-xs text-slate-700">{t("comparison.inputVatHint")}</p>
          {inputVatCents === null ? <p id={`${id}-vat-error`} className="mt-1 text-xs font-medium text-red-800">{t("comparison.invalid")}</p> : null}
        </div>
        <div>
          <label htmlFor={`${id}-share`} className="block font-medium">{t("comparison.businessShare")}</label>
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
          <p id={`${id}-share-hint`} className="mt-1 text-xs text-slate-700">{t("comparison.businessShareHint")}</p>
          {shareValid ? null : <p id={`${id}-share-error`} className="mt-1 text-xs font-medium text-red-800">{t("comparison.invalidShare")}</p>}
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
              {result.verdict === "even" ? t("comparison.even") : t(`comparison.${result.verdict}`, { amount: money(Math.abs(result.outsideMinusInsideCents)) })}
            </p>
          </>
        ) : null}
        <p className="mt-1 text-xs text-slate-700">{t("comparison.admin")}</p>
      </div>
    </div>
  );
}

// Whether one invoice counts for the KOR, and a disclosure with the reason and its rule.
import { getTranslations } from "next-intl/server";
import type { InvoiceRow } from "@/lib/features/invoices/list-invoices";
import type { UiLanguage } from "@/lib/platform/i18n/format";
import { ruleInWords } from "@/lib/kor";

export async function KorBadge({ kor, language, number }: { kor: InvoiceRow["kor"]; language: UiLanguage; number: string }) {
  const t = await getTranslations("invoices");
  return (
    <div className="min-w-40">
      <span
        className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${
          kor.countsForKor ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-800"
        }`}
      >
        {kor.countsForKor ? t("counts") : t("notCounts")}
      </span>
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-brand-700 underline" aria-label={t("whyFor", { number })}>
          {t("why")}
        </summary>
        <p className="mt-1 max-w-xs text-slate-700">{kor.reason[language]}</p>
        <p className="mt-1 text-slate-600">{t("rule", { rule: ruleInWords(kor.ruleId, language) })}</p>
        {kor.interpretation ? <p className="mt-1 font-medium text-amber-800">{t("interpretation")}</p> : null}
      </details>
    </div>
  );
}

// The engine's alerts as things to do, each with its deadline, most urgent first; a
// deadline the owner meets once (a VAT return, an EU-KOR report) is marked done here.
import { getTranslations } from "next-intl/server";
import { DeadlineDoneForm } from "@/components/deadlines/deadline-done-form";
import { periodInWords, ruleInWords } from "@/lib/kor";
import type { ActionItem } from "@/lib/features/dashboard/dashboard.types";
import { formatCents, formatDate, type UiLanguage } from "@/lib/platform/i18n/format";
import { DashboardSection } from "./section";

const LEVEL_STYLE = {
  critical: "border-red-700 bg-red-50",
  warning: "border-amber-600 bg-amber-50",
  info: "border-brand-600 bg-brand-50",
} as const;
const LEVEL_SYMBOL = { critical: "✕", warning: "!", info: "i" } as const;

type Props = {
  actions: ActionItem[];
  language: UiLanguage;
  /** For the done marks: whose, which year's page, today (the real one, not the past year's as-of date), and whether the viewer may mark. */
  businessId: string;
  year: number;
  today: string;
  canWrite: boolean;
  /** The deadline whose done-mark was just refused: only its form shows the error. */
  doneFailedKey?: string | null;
};

export async function ActionsPanel({ actions, language, businessId, year, today, canWrite, doneFailedKey = null }: Props) {
  const t = await getTranslations("dashboard");
  const date = (value: string | undefined) => (value ? formatDate(value, language, "long") : "");
  const text = (action: ActionItem) => {
    const p = action.params;
    return t(`actions.${action.kind}`, {
      date: date(p.date),
      invoice: p.invoice ?? "",
      percent: p.percent ?? 0,
      state: p.state ?? "",
      start: p.start && /^\d{4}-\d{2}-\d{2}$/.test(p.start) ? date(p.start) : (p.start ?? ""),
      days: p.days ?? 0,
      amount: p.amountCents === undefined ? "" : formatCents(p.amountCents, language),
      sentOn: date(p.sentOn),
      period: p.period ? periodInWords(p.period, language) : "",
    });
  };
  return (
    <DashboardSection id="actions" title={t("actions.title")}>
      {actions.length === 0 ? (
        <p className="text-sm">{t("actions.none")}</p>
      ) : (
        <ul className="space-y-3">
          {actions.map((action) => (
            <li key={action.key} className={`rounded border-l-4 p-3 ${LEVEL_STYLE[action.level]}`}>
              <p className="text-xs font-semibold uppercase tracking-wide text-slate-800">
                <span aria-hidden="true">{LEVEL_SYMBOL[action.level]} </span>
                {t(`actions.level.${action.level}`)}
              </p>
              <p className="font-semibold">{text(action)}</p>
              {action.deadline ? (
                <p className="text-sm font-medium">
                  {t("actions.deadline", { date: date(action.deadline) })}
                  {action.daysLate ? (
                    <strong className="text-red-800">{` — ${t("actions.late", { days: action.daysLate })}`}</strong>
                  ) : null}
                </p>
              ) : null}
              {action.deadlineKey ? (
                <DeadlineDoneForm
                  businessId={businessId}
                  year={year}
                  deadlineKey={action.deadlineKey}
                  doneOn={action.doneOn}
                  today={today}
                  canWrite={canWrite}
                  language={language}
                  returnTo="dashboard"
                  failed={action.deadlineKey === doneFailedKey}
                />
              ) : null}
              {action.detail ? (
                <details className="mt-1 text-sm">
                  <summary className="cursor-pointer text-brand-700 underline">
                    {t("actions.engineText")} <span className="sr-only">— {text(action)}</span>
                  </summary>
                  <p className="mt-1">{action.detail[language]}</p>
                  <p className="mt-1 text-slate-700">
                    {t("whyRule", { rule: ruleInWords(action.ruleId, language) })}
                    {action.interpretation ? ` · ${t("interpretation")}` : ""}
                  </p>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </DashboardSection>
  );
}

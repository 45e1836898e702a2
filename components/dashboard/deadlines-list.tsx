// Every deadline the engine knows for this business: apply-by and effective dates,
// earliest rejoin, VAT returns and EU-KOR reports. A date past by which the owner had to
// act says how late it is; a date that applies only if the owner chooses to leave is
// listed apart, as an option.
import { getTranslations } from "next-intl/server";
import type { DeadlineItem } from "@/lib/features/dashboard/dashboard.types";
import { formatDate, type UiLanguage } from "@/lib/platform/i18n/format";
import { DashboardSection } from "./section";
import { ruleInWords } from "@/lib/kor";

export async function DeadlinesList({ deadlines, language }: { deadlines: DeadlineItem[]; language: UiLanguage }) {
  const t = await getTranslations("dashboard");
  const due = deadlines.filter((deadline) => !deadline.choice);
  const choices = deadlines.filter((deadline) => deadline.choice);
  const item = (deadline: DeadlineItem) => (
    <li
      key={`${deadline.kind}:${deadline.date}:${deadline.about ?? ""}`}
      className={`py-2 ${deadline.past && !deadline.daysLate && !deadline.doneOn ? "text-slate-600" : ""}`}
    >
      <p className="font-semibold">
        <time dateTime={deadline.date}>{formatDate(deadline.date, language, "long")}</time> — {t(`deadlines.kind.${deadline.kind}`)}
        {deadline.doneOn ? (
          <span className="text-green-800">{` (${t(deadline.kind === "EU_KOR_NOTIFY_BY" ? "deadlines.doneOn" : "deadlines.filedOn", { date: formatDate(deadline.doneOn, language, "long") })})`}</span>
        ) : deadline.daysLate ? (
          <strong className="text-red-800">{` (${t("deadlines.late", { days: deadline.daysLate })})`}</strong>
        ) : deadline.past ? (
          ` (${t("deadlines.past")})`
        ) : (
          ""
        )}
        {deadline.choice ? ` (${t("deadlines.choice")})` : ""}
      </p>
      <p>{deadline.messages[language]}</p>
      <p className="text-xs text-slate-700">
        {t("whyRule", { rule: ruleInWords(deadline.ruleId, language) })}
        {deadline.interpretation ? ` · ${t("interpretation")}` : ""}
      </p>
    </li>
  );
  return (
    <DashboardSection id="deadlines" title={t("deadlines.title")}>
      {due.length === 0 ? (
        <p className="text-sm">{t("deadlines.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">{due.map(item)}</ul>
      )}
      {choices.length > 0 ? (
        <>
          <h3 className="mt-4 text-base font-semibold">{t("deadlines.choicesTitle")}</h3>
          <ul className="divide-y divide-slate-100 text-sm" data-testid="deadline-choices">
            {choices.map(item)}
          </ul>
        </>
      ) : null}
    </DashboardSection>
  );
}

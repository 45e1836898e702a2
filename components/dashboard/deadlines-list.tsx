// Every deadline the engine knows for this business: apply-by and effective dates,
// earliest rejoin, VAT returns and EU-KOR reports.
import { getTranslations } from "next-intl/server";
import type { DeadlineItem } from "@/lib/dashboard/dashboard.types";
import { formatDate, type UiLanguage } from "./format";
import { DashboardSection } from "./section";

export async function DeadlinesList({ deadlines, language }: { deadlines: DeadlineItem[]; language: UiLanguage }) {
  const t = await getTranslations("dashboard");
  return (
    <DashboardSection id="deadlines" title={t("deadlines.title")}>
      {deadlines.length === 0 ? (
        <p className="text-sm">{t("deadlines.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {deadlines.map((deadline) => (
            <li key={`${deadline.kind}:${deadline.date}:${deadline.about ?? ""}`} className={`py-2 ${deadline.past ? "text-slate-600" : ""}`}>
              <p className="font-semibold">
                <time dateTime={deadline.date}>{formatDate(deadline.date, language, "long")}</time> — {t(`deadlines.kind.${deadline.kind}`)}
                {deadline.past ? ` (${t("deadlines.past")})` : ""}
              </p>
              <p>{deadline.messages[language]}</p>
              <p className="text-xs text-slate-700">
                {t("whyRule", { rule: deadline.rule })}
                {deadline.interpretation ? ` · ${t("interpretation")}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </DashboardSection>
  );
}

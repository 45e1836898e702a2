// The business's stored KOR periods; a period a crossing ended is shown as ended on the
// crossing date (§3.2), so the owner need not edit it. Which periods that is comes from
// the dashboard's own evaluation (getDashboard: one evaluation per page, shared).
import { getTranslations } from "next-intl/server";
import { getDashboard } from "@/lib/features/dashboard/get-dashboard";
import { formatDate, type UiLanguage } from "@/lib/platform/i18n/format";

type Period = { from: string; to: string | null };

/** The periods as stored; `endings` maps a period's start to the crossing that ended it. */
export async function KorPeriodItems({
  periods,
  endings,
  language,
}: {
  periods: Period[];
  endings: ReadonlyMap<string, string>;
  language: UiLanguage;
}) {
  const t = await getTranslations("business");
  const date = (value: string) => formatDate(value, language, "long");
  return (
    <ul className="list-disc pl-5 text-sm">
      {periods.map((period) => {
        const ended = endings.get(period.from);
        return (
          <li key={period.from}>
            {ended
              ? t("korPeriodEnded", { from: date(period.from), ended: date(ended) })
              : period.to
                ? t("korPeriod", { from: date(period.from), to: date(period.to) })
                : t("korPeriodOpen", { from: date(period.from) })}
          </li>
        );
      })}
    </ul>
  );
}

export async function KorPeriodList({
  userId,
  businessId,
  year,
  periods,
  language,
}: {
  userId: string;
  businessId: string;
  year: number;
  periods: Period[];
  language: UiLanguage;
}) {
  const data = await getDashboard({ caller: { userId }, businessId, year });
  return (
    <KorPeriodItems periods={periods} endings={new Map(data.periodEndings.map((e) => [e.periodFrom, e.endedOn]))} language={language} />
  );
}

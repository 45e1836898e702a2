// The notice after crossing the EU-KOR's €100,000 (KOR-RULES.md §4) on the EU-KOR page:
// the deadline in words with its working days and the holidays that did not count, and
// the supplies per member state from the quarter's start up to the crossing.
import { getTranslations } from "next-intl/server";
import { formatCents, formatDate, type UiLanguage } from "@/lib/platform/i18n/format";
import type { CrossingNotice } from "@/lib/features/eu-kor/build-crossing-notice";
import { ruleInWords } from "@/lib/kor";
import { MemberStateSuppliesTable } from "./member-state-supplies-table";

export async function CrossingNoticeSection({ notice, language }: { notice: CrossingNotice; language: UiLanguage }) {
  const t = await getTranslations("euKorFiling");
  const titleId = `notice-${notice.crossedOn}`;
  const withSupplies = notice.lines.filter((line) => line.netCents !== 0);
  const date = (iso: string) => formatDate(iso, language, "long");
  return (
    <section aria-labelledby={titleId} className="rounded-lg bg-amber-50 p-4 shadow-sm ring-1 ring-amber-300">
      <h2 id={titleId} className="text-lg font-semibold">
        {t("noticeTitle")}
      </h2>
      <p className="mt-1 text-slate-800">
        {t("noticeCrossed", { date: date(notice.crossedOn), total: formatCents(notice.unionTotalCents, language) })}
      </p>
      <p className="mt-2 font-semibold" data-testid="eu-kor-notice-deadline">
        {t("noticeDeadline", { date: date(notice.notifyBy), days: notice.workingDays })}
      </p>
      <p className="text-sm text-slate-700">
        {notice.holidaysSkipped.length === 0
          ? t("noticeNoHolidays")
          : t("noticeHolidays", { holidays: notice.holidaysSkipped.map((h) => `${h.name[language]} (${date(h.date)})`).join(", ") })}
      </p>
      <p className="mt-2">{t("noticeSupplies", { from: date(notice.periodFrom), to: date(notice.crossedOn) })}</p>
      <MemberStateSuppliesTable
        className="mt-1"
        tone="amber"
        lines={withSupplies}
        totalCents={notice.totalCents}
        language={language}
        labels={{ caption: t("noticeSuppliesCaption"), state: t("state"), amount: t("amount"), total: t("total") }}
      />
      {withSupplies.length < notice.lines.length ? <p className="mt-1 text-sm text-slate-700">{t("othersZero")}</p> : null}
      <p className="mt-2 text-sm text-slate-700">{t("rule", { rule: ruleInWords(notice.ruleId, language) })}</p>
    </section>
  );
}

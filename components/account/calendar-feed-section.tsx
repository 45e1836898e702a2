// "Deadlines in your calendar" on the account page: a self-contained section (server
// component) with the feed's state and its controls.
import { getFormatter, getTranslations } from "next-intl/server";
import { CalendarFeedControls } from "@/components/account/calendar-feed-controls";
import { getCalendarFeedState } from "@/lib/features/calendar/manage-calendar-feed";
import { Card } from "@/components/ui/card";

export async function CalendarFeedSection({ userId }: { userId: string }) {
  const [t, format, feed] = await Promise.all([
    getTranslations("calendarFeed"),
    getFormatter(),
    getCalendarFeedState({ caller: { userId } }),
  ]);
  const labels = {
    create: t("create"),
    regenerate: t("regenerate"),
    revoke: t("revoke"),
    urlLabel: t("urlLabel"),
    urlHint: t("urlHint"),
    copy: t("copy"),
    copied: t("copied"),
    created: t("created"),
    revoked: t("revoked"),
    pending: t("pending"),
    failed: t("failed"),
  };
  return (
    <Card as="section" id="calendar" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title" className="mb-2 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-4 max-w-3xl text-slate-700">{t("intro")}</p>
      <p className="mb-4 text-slate-800">
        {feed ? (
          <>
            {t("active", { prefix: feed.prefix })}{" "}
            <time dateTime={feed.createdAt.toISOString()}>
              {format.dateTime(feed.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </time>
          </>
        ) : (
          t("none")
        )}
      </p>
      <CalendarFeedControls active={feed !== null} labels={labels} />
    </Card>
  );
}

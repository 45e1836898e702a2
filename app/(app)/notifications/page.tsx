import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/platform/auth/current-user";
import { NOTIFICATION_KINDS } from "@/lib/features/alerts/notification-kinds";
import { listNotifications } from "@/lib/features/notifications/list-notifications";
import { getNotificationSettings } from "@/lib/features/notifications/notification-settings";
import {
  markAllNotificationsReadAction,
  markNotificationReadAction,
  saveNotificationSettingsAction,
} from "@/lib/features/notifications/actions";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

const levelStyle = {
  info: "bg-slate-100 text-slate-800",
  warning: "bg-amber-100 text-amber-900",
  critical: "bg-red-100 text-red-900",
} as const;

export default async function NotificationsPage() {
  const user = await requireUser();
  const caller = { userId: user.id };
  const [t, format, locale, notifications, settings] = await Promise.all([
    getTranslations("notifications"),
    getFormatter(),
    getLocale(),
    listNotifications({ caller }),
    getNotificationSettings({ caller }),
  ]);
  const language = locale === "en" ? "en" : "nl";
  const unread = notifications.filter((n) => !n.read).length;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/notifications/outbox" className="text-sm text-brand-700 underline">
          {t("outboxLink")}
        </Link>
        {unread > 0 ? (
          <form action={markAllNotificationsReadAction} className="ml-auto">
            <Button variant="secondary" type="submit">
              {t("markAllRead")}
            </Button>
          </form>
        ) : null}
      </div>
      <p className="max-w-3xl text-slate-700">{t("intro")}</p>

      {notifications.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <ul aria-label={t("title")} className="space-y-3">
          {notifications.map((n) => (
            <Card as="li" key={n.id} padding="compact" tone={n.read ? "default" : "highlight"}>
              <article aria-labelledby={`notification-${n.id}`} className="space-y-2">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className={`rounded px-2 py-0.5 font-semibold ${levelStyle[n.level]}`}>{t(`level.${n.level}`)}</span>
                  {!n.read ? <span className="font-semibold text-brand-800">{t("unread")}</span> : null}
                  <span className="text-slate-600">{n.businessName}</span>
                  <time dateTime={n.createdAt} className="text-slate-600">
                    {format.dateTime(new Date(n.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                </div>
                <h2 id={`notification-${n.id}`} className="font-semibold">
                  {t(`kinds.${n.code}`)}
                </h2>
                <p className="text-slate-800">{n.messages[language]}</p>
                <div className="flex flex-wrap items-center gap-4">
                  <Link href={`/businesses/${n.businessId}`} className="text-sm text-brand-700 underline">
                    {t("openBusiness", { business: n.businessName })}
                  </Link>
                  {!n.read ? (
                    <form action={markNotificationReadAction}>
                      <input type="hidden" name="notificationId" value={n.id} />
                      <Button variant="secondary" type="submit" aria-describedby={`notification-${n.id}`}>
                        {t("markRead")}
                      </Button>
                    </form>
                  ) : null}
                </div>
              </article>
            </Card>
          ))}
        </ul>
      )}

      <Card as="section" aria-labelledby="notification-settings-title">
        <h2 id="notification-settings-title" className="mb-2 text-lg font-semibold">
          {t("settingsTitle")}
        </h2>
        <p className="mb-4 text-sm text-slate-700">{t("settingsIntro")}</p>
        <form action={saveNotificationSettingsAction} className="space-y-4">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="dailyDigest" defaultChecked={settings.dailyDigest} />
            {t("dailyDigest")}
          </label>
          <fieldset className="space-y-1">
            <legend className="mb-1 font-medium">{t("emailFor")}</legend>
            {NOTIFICATION_KINDS.map((kind) => (
              <label key={kind} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="emailKinds" value={kind} defaultChecked={!settings.mutedKinds.includes(kind)} />
                {t(`kinds.${kind}`)}
              </label>
            ))}
          </fieldset>
          <Button type="submit">{t("save")}</Button>
        </form>
      </Card>
    </div>
  );
}

// The header's way to the notification centre, with the unread count. Its name is its
// visible text plus a word for screen readers ("Meldingen 2 ongelezen"), so it contains
// what is on screen (WCAG 2.5.3, label in name) and voice control finds it by that.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/platform/auth/current-user";
import { countUnreadNotifications } from "@/lib/features/notifications/list-notifications";

export async function NotificationBell() {
  const user = await getCurrentUser();
  if (!user) return null;
  const [t, unread] = await Promise.all([getTranslations("notifications"), countUnreadNotifications({ caller: { userId: user.id } })]);
  return (
    <Link
      href="/notifications"
      className="relative inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      <span className="max-sm:sr-only">{t("bell")}</span>
      {unread > 0 ? (
        <>
          {" "}
          <span data-testid="unread-count" className="rounded-full bg-red-700 px-2 text-xs font-bold text-white">
            {unread}
          </span>
          <span className="sr-only"> {t("bellUnread")}</span>
        </>
      ) : null}
    </Link>
  );
}

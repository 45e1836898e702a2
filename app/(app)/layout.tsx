import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BusinessSwitcher } from "@/components/layout/business-switcher";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { LogoutButton } from "@/components/layout/logout-button";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { VerifyEmailBanner } from "@/components/layout/verify-email-banner";
import { requireUser } from "@/lib/platform/auth/current-user";
import { listBusinesses } from "@/lib/features/businesses/list-businesses";
import { hasAccountantView } from "@/lib/features/accountant/list-my-invitations";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // The pages themselves refuse a member whose firm requires two-factor login they lack;
  // the layout also frames the account page, where they set it up.
  const user = await requireUser({ allowTwoFactorSetup: true });
  const [t, businesses, showClients] = await Promise.all([
    getTranslations(),
    listBusinesses({ caller: { userId: user.id } }),
    hasAccountantView(user),
  ]);
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
        {t("common.skipToContent")}
      </a>
      {/* One row on a desktop; on a phone the brand and the account controls share the
          first row and the links scroll sideways in a slim second one. */}
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-5 gap-y-1 px-4 py-2 lg:flex-nowrap">
          <Link href="/businesses" className="order-1 text-xl font-bold text-brand-800">
            Drempel
          </Link>
          <nav
            aria-label={t("nav.main")}
            className="order-3 -mx-4 flex w-[calc(100%+2rem)] items-center gap-4 overflow-x-auto px-4 pb-1 whitespace-nowrap lg:order-2 lg:mx-0 lg:w-auto lg:overflow-visible lg:p-0"
          >
            <Link href="/businesses" className="py-1 text-sm font-medium text-slate-800 hover:underline">
              {t("nav.businesses")}
            </Link>
            {showClients ? (
              <Link href="/accountant" className="py-1 text-sm font-medium text-slate-800 hover:underline">
                {t("accountant.navLink")}
              </Link>
            ) : null}
            <Link href="/settings/tokens" className="py-1 text-sm font-medium text-slate-800 hover:underline">
              {t("apiTokens.navLink")}
            </Link>
            <Link
              href="/settings/account"
              className="py-1 text-sm font-medium text-slate-800 hover:underline"
              title={t("nav.signedInAs", { name: user.name })}
            >
              {t("account.navLink")}
            </Link>
          </nav>
          <div className="order-2 ml-auto flex items-center gap-2 sm:gap-3 lg:order-3">
            <div className="hidden md:block">
              <BusinessSwitcher businesses={businesses.map(({ id, name }) => ({ id, name }))} />
            </div>
            <span className="sr-only">{t("nav.signedInAs", { name: user.name })}</span>
            <NotificationBell />
            <LanguageSwitch />
            <LogoutButton />
          </div>
        </div>
      </header>
      {user.emailVerified ? null : <VerifyEmailBanner email={user.email} />}
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}

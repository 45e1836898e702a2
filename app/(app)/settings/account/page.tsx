import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CalendarFeedSection } from "@/components/account/calendar-feed-section";
import { AddPasskeyForm, DeletePasskeyButton } from "@/components/account/passkey-settings";
import { RevokeAllSessionsButtons, RevokeSessionButton } from "@/components/account/session-actions";
import { TwoFactorDisable, TwoFactorSetup } from "@/components/account/two-factor-settings";
import { ChangePasswordForm } from "@/components/forms/change-password-form";
import { listSecurityEvents } from "@/lib/platform/audit/list-security-events";
import { requireUser } from "@/lib/platform/auth/current-user";
import { listPasskeys } from "@/lib/platform/auth/passkeys/passkeys";
import { describeUserAgent } from "@/lib/platform/auth/sessions/describe-user-agent";
import { listUserSessions } from "@/lib/platform/auth/sessions/user-sessions";
import { getTwoFactorStatus } from "@/lib/platform/auth/two-factor/two-factor";
import { env } from "@/lib/platform/env";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountSettingsPage() {
  // Open while a firm's two-factor requirement is unmet: this is where it is met.
  const user = await requireUser({ allowTwoFactorSetup: true });
  const caller = { userId: user.id };
  const [t, format, sessions, twoFactor, events, passkeys] = await Promise.all([
    getTranslations(),
    getFormatter(),
    listUserSessions({ caller, currentSessionId: user.sessionId }),
    getTwoFactorStatus({ caller }),
    listSecurityEvents({ caller, limit: 30 }),
    listPasskeys({ caller }),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const deviceOf = (userAgent: string | null) => {
    const { browser, os } = describeUserAgent(userAgent);
    if (browser && os) return t("security.sessions.device", { browser, os });
    return browser ?? os ?? t("security.sessions.unknownDevice");
  };
  const eventLabel = (action: string) =>
    t.has(`security.events.actions.${action}`) ? t(`security.events.actions.${action}`) : t("security.events.actions.other");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("account.title")}</h1>
      <p className="text-slate-700">
        {user.name} — <span className="font-mono">{user.email}</span>
      </p>
      {user.twoFactorSetupRequired ? (
        <p role="alert" className="rounded bg-amber-50 p-3 font-medium text-amber-900 ring-1 ring-amber-200">
          {t("security.twoFactor.required")}
        </p>
      ) : null}

      <Card as="section" id="two-factor" aria-labelledby="two-factor-title">
        <h2 id="two-factor-title" className="mb-2 text-lg font-semibold">
          {t("security.twoFactor.title")}
        </h2>
        <p className="mb-4 max-w-3xl text-slate-700">{t("security.twoFactor.intro")}</p>
        {twoFactor.enabled ? (
          <div className="space-y-4">
            <p role="status" className="text-slate-800">
              {t("security.twoFactor.on", { date: when(twoFactor.enabledAt!) })}{" "}
              {t("security.twoFactor.recoveryLeft", { count: twoFactor.recoveryCodesLeft })}
            </p>
            <TwoFactorDisable />
          </div>
        ) : (
          <div className="space-y-4">
            <p className="text-slate-800">{t("security.twoFactor.off")}</p>
            <TwoFactorSetup />
          </div>
        )}
      </Card>

      <Card as="section" aria-labelledby="passkeys-title">
        <h2 id="passkeys-title" className="mb-2 text-lg font-semibold">
          {t("security.passkeys.title")}
        </h2>
        <p className="mb-4 max-w-3xl text-slate-700">{t("security.passkeys.intro")}</p>
        {passkeys.length === 0 ? (
          <p className="mb-4 text-slate-700">{t("security.passkeys.empty")}</p>
        ) : (
          <ul aria-labelledby="passkeys-title" className="mb-4 divide-y divide-slate-200">
            {passkeys.map((passkey) => (
              <li key={passkey.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-medium">{passkey.name}</p>
                  <p className="text-sm text-slate-600">
                    {t("security.passkeys.created")} <time dateTime={passkey.createdAt.toISOString()}>{when(passkey.createdAt)}</time>
                    {" · "}
                    {passkey.lastUsedAt ? (
                      <>
                        {t("security.passkeys.lastUsed")}{" "}
                        <time dateTime={passkey.lastUsedAt.toISOString()}>{when(passkey.lastUsedAt)}</time>
                      </>
                    ) : (
                      t("security.passkeys.neverUsed")
                    )}
                  </p>
                </div>
                <DeletePasskeyButton passkeyId={passkey.id} name={passkey.name} />
              </li>
            ))}
          </ul>
        )}
        <AddPasskeyForm />
      </Card>

      <Card as="section" aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="mb-2 text-lg font-semibold">
          {t("security.sessions.title")}
        </h2>
        <p className="mb-4 max-w-3xl text-slate-700">
          {t("security.sessions.intro", { hours: Math.round(env().SESSION_IDLE_MINUTES / 6) / 10 })}
        </p>
        {sessions.length === 0 ? (
          <p className="text-slate-700">{t("security.sessions.empty")}</p>
        ) : (
          <ul aria-labelledby="sessions-title" className="mb-4 divide-y divide-slate-200">
            {sessions.map((session) => {
              const device = deviceOf(session.userAgent);
              return (
                <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div>
                    <p className="font-medium">
                      {device}
                      {session.current ? (
                        <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-800">
                          {t("security.sessions.current")}
                        </span>
                      ) : null}
                    </p>
                    <p className="text-sm text-slate-600">
                      {t("security.sessions.lastSeen")} <time dateTime={session.lastSeenAt.toISOString()}>{when(session.lastSeenAt)}</time>
                      {" · "}
                      {t("security.sessions.since")} <time dateTime={session.createdAt.toISOString()}>{when(session.createdAt)}</time>
                      {session.ip ? ` · ${t("security.sessions.ip", { ip: session.ip })}` : ""}
                    </p>
                  </div>
                  {session.current ? null : <RevokeSessionButton sessionId={session.id} device={device} />}
                </li>
              );
            })}
          </ul>
        )}
        <RevokeAllSessionsButtons />
      </Card>

      <Card as="section" aria-labelledby="change-password-title">
        <h2 id="change-password-title" className="mb-2 text-lg font-semibold">
          {t("account.changeTitle")}
        </h2>
        <p className="mb-4 max-w-3xl text-slate-700">
          {t("account.changeIntro")}{" "}
          <Link href="/settings/tokens" className="text-brand-700 underline">
            {t("apiTokens.navLink")}
          </Link>
        </p>
        <ChangePasswordForm />
      </Card>

      <CalendarFeedSection userId={user.id} />

      <Card as="section" aria-labelledby="security-events-title">
        <h2 id="security-events-title" className="mb-2 text-lg font-semibold">
          {t("security.events.title")}
        </h2>
        <p className="mb-4 max-w-3xl text-slate-700">{t("security.events.intro")}</p>
        {events.length === 0 ? (
          <p className="text-slate-700">{t("security.events.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">{t("security.events.title")}</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("security.events.when")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("security.events.what")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("security.events.detail")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id} className="border-b border-slate-100">
                    <td className="py-2 pr-4">
                      <time dateTime={event.createdAt.toISOString()}>{when(event.createdAt)}</time>
                    </td>
                    <td className="py-2 pr-4">{eventLabel(event.action)}</td>
                    <td className="py-2 pr-4 text-slate-600">
                      {[event.detail, event.ip ? t("security.sessions.ip", { ip: event.ip }) : null].filter(Boolean).join(" · ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

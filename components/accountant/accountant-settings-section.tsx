// The owner's "Accountant" section of the business settings: who has access, at which
// level (and firm), the accountants' open requests for access, the open invitations, and
// the invitation form.
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate, toLanguage } from "@/lib/platform/i18n/format";
import { listBusinessAccessRequests } from "@/lib/features/accountant/list-access-requests";
import { listBusinessAccountants } from "@/lib/features/accountant/list-business-accountants";
import { AccessRequestActions } from "./access-request-forms";
import { AccountantActions, WithdrawInvitationButton } from "./accountant-actions";
import { InviteAccountantForm } from "./invite-accountant-form";
import { Card } from "@/components/ui/card";

export async function AccountantSettingsSection({ userId, businessId }: { userId: string; businessId: string }) {
  const [t, locale, { accountants, invitations }, requests] = await Promise.all([
    getTranslations("accountant.settings"),
    getLocale(),
    listBusinessAccountants({ caller: { userId }, businessId }),
    listBusinessAccessRequests({ caller: { userId }, businessId }),
  ]);
  const language = toLanguage(locale);
  return (
    <Card as="section" aria-labelledby="accountant-settings-title">
      <h2 id="accountant-settings-title" className="mb-2 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-4 text-sm text-slate-600">{t("help")}</p>
      <h3 className="mb-2 font-semibold">{t("accountants")}</h3>
      {accountants.length === 0 ? (
        <p className="mb-4 text-sm">{t("noAccountants")}</p>
      ) : (
        <ul className="mb-4 space-y-3">
          {accountants.map((accountant) => (
            <li key={accountant.membershipId} className="flex flex-wrap items-center gap-3">
              <span className="text-sm">
                {accountant.name} ({accountant.email}){accountant.firm ? `, ${t("firm", { firm: accountant.firm })}` : ""}
              </span>
              <AccountantActions businessId={businessId} accountant={accountant} />
            </li>
          ))}
        </ul>
      )}
      {requests.length > 0 ? (
        <>
          <h3 className="mb-2 font-semibold">{t("requests")}</h3>
          <ul className="mb-4 space-y-3">
            {requests.map((request) => {
              const values = {
                name: request.accountantName,
                email: request.accountantEmail,
                date: formatDate(request.expiresAt.slice(0, 10), language),
              };
              return (
                <li key={request.id} className="space-y-2">
                  <p className="text-sm">
                    {request.firm ? t("requestFromFirm", { ...values, firm: request.firm }) : t("requestFrom", values)}
                  </p>
                  <AccessRequestActions businessId={businessId} request={request} />
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {invitations.length > 0 ? (
        <>
          <h3 className="mb-2 font-semibold">{t("pending")}</h3>
          <ul className="mb-4 space-y-2">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center gap-3 text-sm">
                <span>
                  {invitation.email} — {t("expires", { date: formatDate(invitation.expiresAt.slice(0, 10), language) })}
                </span>
                <WithdrawInvitationButton businessId={businessId} invitation={invitation} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <InviteAccountantForm businessId={businessId} />
    </Card>
  );
}

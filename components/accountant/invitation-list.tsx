// The invitations waiting for the signed-in (verified) user. They are answered through
// the link in the invitation mail, which carries the single-use token (issue #15).
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate, toLanguage } from "@/lib/platform/i18n/format";
import type { MyInvitationDto } from "@/lib/features/accountant/accountant.types";

export async function InvitationList({ invitations }: { invitations: MyInvitationDto[] }) {
  const t = await getTranslations("accountant");
  const language = toLanguage(await getLocale());
  return (
    <div>
      <ul className="space-y-2">
        {invitations.map((invitation) => {
          const values = {
            business: invitation.businessName,
            access: t(`access.${invitation.access}`),
            date: formatDate(invitation.expiresAt.slice(0, 10), language, "long"),
          };
          return (
            <li key={invitation.id} className="text-sm">
              {invitation.invitedBy
                ? t("invitations.from", { ...values, name: invitation.invitedBy })
                : t("invitations.fromUnknown", values)}
            </li>
          );
        })}
      </ul>
      <p className="mt-3 text-sm text-slate-600">{t("invitations.useMailLink")}</p>
    </div>
  );
}

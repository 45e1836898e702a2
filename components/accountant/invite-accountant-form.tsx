"use client";
// An owner invites an accountant by email with an access level.
import { useTranslations } from "next-intl";
import { inviteAccountantAction } from "@/lib/features/accountant/actions";
import { EmailChoiceForm } from "@/components/forms/email-choice-form";

export function InviteAccountantForm({ businessId }: { businessId: string }) {
  const t = useTranslations("accountant");
  return (
    <EmailChoiceForm
      idPrefix="accountant"
      emailLabel={t("settings.email")}
      choice={{
        name: "access",
        label: t("settings.access"),
        defaultValue: "READ_ONLY",
        options: [
          { value: "READ_ONLY", label: t("access.READ_ONLY") },
          { value: "READ_WRITE", label: t("access.READ_WRITE") },
        ],
      }}
      submitLabel={t("settings.invite")}
      pendingLabel={t("settings.inviting")}
      action={({ email, choice }) => inviteAccountantAction(businessId, { email, access: choice })}
      successText={(email) => t("settings.invited", { email })}
      fallbackField="email"
      refreshOnSuccess
    />
  );
}

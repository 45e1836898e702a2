"use client";
// An owner adds a registered user as member (or owner).
import { useTranslations } from "next-intl";
import { addMemberAction } from "@/lib/features/businesses/actions";
import { EmailChoiceForm } from "@/components/forms/email-choice-form";

export function AddMemberForm({ businessId }: { businessId: string }) {
  const t = useTranslations("members");
  const tb = useTranslations("businesses");
  return (
    <EmailChoiceForm
      idPrefix="member"
      intro={<p className="text-sm text-slate-600">{t("addHelp")}</p>}
      emailLabel={t("email")}
      choice={{
        name: "role",
        label: t("role"),
        defaultValue: "MEMBER",
        options: [
          { value: "MEMBER", label: tb("role.MEMBER") },
          { value: "OWNER", label: tb("role.OWNER") },
        ],
      }}
      submitLabel={t("add")}
      pendingLabel={t("adding")}
      action={({ email, choice }) => addMemberAction(businessId, { email, role: choice })}
      successText={(email) => t("added", { email })}
    />
  );
}

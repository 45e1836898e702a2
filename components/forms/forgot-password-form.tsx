"use client";
// Asks for the e-mail address; the answer is the same whether or not an account exists.
import { useTranslations } from "next-intl";
import { requestPasswordResetAction } from "@/lib/platform/auth/password-reset/actions";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";

export function ForgotPasswordForm({ linkMinutes }: { linkMinutes: number }) {
  const t = useTranslations();
  return (
    <ActionForm
      action={(form) => requestPasswordResetAction({ email: String(form.get("email") ?? "") })}
      successText={t("account.forgotSent", { minutes: linkMinutes })}
      rateLimited="wait"
      submitLabel={t("account.forgotSubmit")}
      pendingLabel={t("account.forgotSending")}
      buttonClassName="w-full"
    >
      {(fields) => (
        <Field id="forgot-email" name="email" type="email" autoComplete="email" required label={t("auth.email")} error={fields.email} />
      )}
    </ActionForm>
  );
}

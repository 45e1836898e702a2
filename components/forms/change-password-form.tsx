"use client";
// Changing the password in the settings; this browser stays logged in.
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/lib/platform/auth/account-actions";
import { ActionForm } from "@/components/forms/action-form";
import { Field, NewPasswordField } from "@/components/forms/field";

export function ChangePasswordForm() {
  const t = useTranslations();
  return (
    <ActionForm
      action={(form) =>
        changePasswordAction({
          currentPassword: String(form.get("currentPassword") ?? ""),
          newPassword: String(form.get("newPassword") ?? ""),
        })
      }
      onSuccess={(form) => form.reset()}
      successText={t("account.changed")}
      rateLimited="generic"
      submitLabel={t("account.changeSubmit")}
      pendingLabel={t("account.changeSaving")}
      className="max-w-md space-y-4"
    >
      {(fields) => (
        <>
          <Field
            id="change-current-password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            label={t("account.currentPassword")}
            error={fields.currentPassword}
          />
          <NewPasswordField id="change-new-password" name="newPassword" label={t("account.newPassword")} error={fields.newPassword} />
        </>
      )}
    </ActionForm>
  );
}

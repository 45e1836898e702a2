"use client";
// The form behind a reset link: a new password under the registration rules.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { resetPasswordAction } from "@/lib/platform/auth/password-reset/actions";
import { ActionForm } from "@/components/forms/action-form";
import { NewPasswordField, useErrorText } from "@/components/forms/field";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  return (
    <ActionForm
      action={(form) => resetPasswordAction({ token, password: String(form.get("password") ?? "") })}
      onSuccess={() => router.push("/login?reset=1")}
      staysPendingOnSuccess
      submitLabel={t("account.resetSubmit")}
      pendingLabel={t("account.resetSaving")}
      buttonClassName="w-full"
    >
      {(fields) => (
        <>
          {fields.token ? (
            <div role="alert" className="rounded bg-red-50 p-3 font-medium text-red-800">
              <p>{errorText(fields.token)}</p>
              <Link href="/forgot-password" className="underline">
                {t("account.requestNewLink")}
              </Link>
            </div>
          ) : null}
          <NewPasswordField id="reset-password" name="password" label={t("account.newPassword")} error={fields.password} />
        </>
      )}
    </ActionForm>
  );
}

"use client";
// Registration: the server validates every field. Its answer is the same whether or not
// the address already has an account (issue #15), so the form never logs in: it asks the
// user to open the link in the mail (or, for an existing holder, the note we sent them).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { registerAction } from "@/lib/features/users/actions";
import { ActionForm } from "@/components/forms/action-form";
import { Field, NewPasswordField } from "@/components/forms/field";

const registration = (form: FormData) => ({
  name: String(form.get("name") ?? ""),
  email: String(form.get("email") ?? ""),
  password: String(form.get("password") ?? ""),
});

export function RegisterForm() {
  const t = useTranslations();
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (sentTo) {
    return (
      <div role="status" className="space-y-3">
        <h2 className="text-lg font-semibold">{t("verification.checkMailTitle")}</h2>
        <p>{t("verification.checkMailText", { email: sentTo })}</p>
        <p className="text-sm text-slate-600">{t("verification.checkMailHint")}</p>
      </div>
    );
  }

  return (
    <ActionForm
      action={async (form) => {
        const result = await registerAction(registration(form));
        if (result.ok) setSentTo(result.data.email);
        return result;
      }}
      rateLimited="wait"
      submitLabel={t("auth.registerSubmit")}
      pendingLabel={t("auth.registering")}
      buttonClassName="w-full"
    >
      {(fields) => (
        <>
          <Field id="register-name" name="name" autoComplete="name" required label={t("auth.name")} error={fields.name} />
          <Field id="register-email" name="email" type="email" autoComplete="email" required label={t("auth.email")} error={fields.email} />
          <NewPasswordField id="register-password" name="password" label={t("auth.password")} error={fields.password} />
          {Object.keys(fields).length > 0 ? (
            <p role="alert" className="text-sm font-medium text-red-800">
              {t("businessForm.errorSummary")}
            </p>
          ) : null}
        </>
      )}
    </ActionForm>
  );
}

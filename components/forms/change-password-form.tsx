"use client";
// Changing the password in the settings; this browser stays logged in.
import { useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/app/(app)/settings/account/actions";
import { Field } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export function ChangePasswordForm() {
  const t = useTranslations();
  const formRef = useRef<HTMLFormElement>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setFormError(null);
    setDone(false);
    const result = await changePasswordAction({
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
    });
    setPending(false);
    if (!result.ok) {
      setFields(result.error.fields);
      if (result.error.code === "RATE_LIMITED") setFormError(t("errors.rateLimited"));
      else if (Object.keys(result.error.fields).length === 0) setFormError(t("errors.genericText"));
      return;
    }
    setFields({});
    setDone(true);
    formRef.current?.reset();
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
      {formError ? (
        <p role="alert" className="rounded bg-red-50 p-3 font-medium text-red-800">
          {formError}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900">
          {t("account.changed")}
        </p>
      ) : null}
      <Field
        id="change-current-password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        label={t("account.currentPassword")}
        error={fields.currentPassword}
      />
      <Field
        id="change-new-password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        label={t("account.newPassword")}
        hint={t("auth.passwordHint")}
        error={fields.newPassword}
      />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("account.changeSaving") : t("account.changeSubmit")}
      </Button>
    </form>
  );
}

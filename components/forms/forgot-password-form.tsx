"use client";
// Asks for the e-mail address; the answer is the same whether or not an account exists.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { requestPasswordResetAction } from "@/app/actions/password-reset";
import { Field } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export function ForgotPasswordForm({ linkMinutes }: { linkMinutes: number }) {
  const t = useTranslations();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setFormError(null);
    setSent(false);
    const result = await requestPasswordResetAction({ email: String(form.get("email") ?? "") });
    setPending(false);
    if (!result.ok) {
      setFields(result.error.fields);
      if (result.error.code === "RATE_LIMITED") {
        setFormError(t("account.rateLimited", { minutes: Math.max(1, Math.ceil((result.error.retryAfterSeconds ?? 60) / 60)) }));
      } else if (Object.keys(result.error.fields).length === 0) setFormError(t("errors.genericText"));
      return;
    }
    setFields({});
    setSent(true);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {formError ? (
        <p role="alert" className="rounded bg-red-50 p-3 font-medium text-red-800">
          {formError}
        </p>
      ) : null}
      {sent ? (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900">
          {t("account.forgotSent", { minutes: linkMinutes })}
        </p>
      ) : null}
      <Field id="forgot-email" name="email" type="email" autoComplete="email" required label={t("auth.email")} error={fields.email} />
      <Button type="submit" disabled={pending} aria-busy={pending} className="w-full">
        {pending ? t("account.forgotSending") : t("account.forgotSubmit")}
      </Button>
    </form>
  );
}

"use client";
// The form behind a reset link: a new password under the registration rules.
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { resetPasswordAction } from "@/app/actions/password-reset";
import { Field, useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setFormError(null);
    const result = await resetPasswordAction({ token, password: String(form.get("password") ?? "") });
    if (!result.ok) {
      setPending(false);
      setFields(result.error.fields);
      if (Object.keys(result.error.fields).length === 0) setFormError(t("errors.genericText"));
      return;
    }
    router.push("/login?reset=1");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {formError ? (
        <p role="alert" className="rounded bg-red-50 p-3 font-medium text-red-800">
          {formError}
        </p>
      ) : null}
      {fields.token ? (
        <div role="alert" className="rounded bg-red-50 p-3 font-medium text-red-800">
          <p>{errorText(fields.token)}</p>
          <Link href="/forgot-password" className="underline">
            {t("account.requestNewLink")}
          </Link>
        </div>
      ) : null}
      <Field
        id="reset-password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        label={t("account.newPassword")}
        hint={t("auth.passwordHint")}
        error={fields.password}
      />
      <Button type="submit" disabled={pending} aria-busy={pending} className="w-full">
        {pending ? t("account.resetSaving") : t("account.resetSubmit")}
      </Button>
    </form>
  );
}

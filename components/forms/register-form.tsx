"use client";
// Registration: the server validates every field; on success we log straight in.
import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { registerAction } from "@/app/actions/register";
import { Field } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export function RegisterForm() {
  const t = useTranslations();
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setPending(true);
    setFormError(null);
    const result = await registerAction(input);
    if (!result.ok) {
      setPending(false);
      setFields(result.error.fields);
      if (result.error.code === "RATE_LIMITED") {
        setFormError(t("account.rateLimited", { minutes: Math.max(1, Math.ceil((result.error.retryAfterSeconds ?? 60) / 60)) }));
      }
      else if (Object.keys(result.error.fields).length === 0) setFormError(t("errors.genericText"));
      return;
    }
    setFields({});
    const login = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    if (!login || login.error) {
      router.push("/login?registered=1");
      return;
    }
    router.push("/businesses");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {formError ? (
        <p role="alert" className="rounded bg-red-50 p-3 font-medium text-red-800">
          {formError}
        </p>
      ) : null}
      <Field id="register-name" name="name" autoComplete="name" required label={t("auth.name")} error={fields.name} />
      <Field id="register-email" name="email" type="email" autoComplete="email" required label={t("auth.email")} error={fields.email} />
      <Field
        id="register-password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        label={t("auth.password")}
        hint={t("auth.passwordHint")}
        error={fields.password}
      />
      {Object.keys(fields).length > 0 ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {t("businessForm.errorSummary")}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} aria-busy={pending} className="w-full">
        {pending ? t("auth.registering") : t("auth.registerSubmit")}
      </Button>
    </form>
  );
}

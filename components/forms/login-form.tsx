"use client";
// Logs in through next-auth's credentials provider and says clearly what went wrong.
import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      setError(result?.error === "RATE_LIMITED" ? t("rateLimited") : t("invalidCredentials"));
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? (
        <p role="alert" className="rounded bg-red-50 p-3 font-medium text-red-800">
          {error}
        </p>
      ) : null}
      <Field id="login-email" name="email" type="email" autoComplete="email" required label={t("email")} />
      <Field id="login-password" name="password" type="password" autoComplete="current-password" required label={t("password")} />
      <Button type="submit" disabled={pending} aria-busy={pending} className="w-full">
        {pending ? t("loggingIn") : t("loginSubmit")}
      </Button>
    </form>
  );
}

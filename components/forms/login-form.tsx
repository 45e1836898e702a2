"use client";
// Logs in through next-auth's credentials provider and says clearly what went wrong. For
// an account with two-factor login the server answers TWO_FACTOR_REQUIRED after a right
// password, without a session; the form then asks for the code and sends the e-mail
// address, password and code together (the password alone never makes a session). A
// passkey logs in without either (next-auth's "passkey" provider).
import { useRef, useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const tCode = useTranslations("security.login");
  const tPasskey = useTranslations("security.passkeys");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // The first step's answers, kept in memory only while the code is asked for.
  const credentials = useRef<{ email: string; password: string } | null>(null);
  const [askCode, setAskCode] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const first =
      askCode && credentials.current
        ? credentials.current
        : { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { ...first, ...(askCode ? { code: String(form.get("code") ?? "") } : {}), redirect: false });
    if (!result || result.error) {
      setPending(false);
      if (result?.error === "TWO_FACTOR_REQUIRED") {
        credentials.current = first;
        setAskCode(true);
        return;
      }
      setError(
        result?.error === "RATE_LIMITED"
          ? t("rateLimited")
          : result?.error === "TWO_FACTOR_INVALID"
            ? tCode("codeWrong")
            : t("invalidCredentials"),
      );
      return;
    }
    credentials.current = null;
    router.push(callbackUrl);
    router.refresh();
  }

  async function loginWithPasskey() {
    setPending(true);
    setError(null);
    try {
      const challenge = await fetch("/api/passkeys/login-options", { method: "POST" });
      if (challenge.status === 429) throw new Error("RATE_LIMITED");
      if (!challenge.ok) throw new Error("FAILED");
      const { challengeId, options } = await challenge.json();
      // Loaded on use: most logins never need it.
      const { startAuthentication } = await import("@simplewebauthn/browser");
      const response = await startAuthentication({ optionsJSON: options });
      const result = await signIn("passkey", { challengeId, response: JSON.stringify(response), redirect: false });
      if (!result || result.error) throw new Error(result?.error ?? "FAILED");
      router.push(callbackUrl);
      router.refresh();
    } catch (failure) {
      setPending(false);
      setError(failure instanceof Error && failure.message === "RATE_LIMITED" ? t("rateLimited") : tPasskey("loginFailed"));
    }
  }

  function startOver() {
    credentials.current = null;
    setAskCode(false);
    setError(null);
  }

  return (
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      {error ? (
        <p role="alert" className="rounded bg-red-50 p-3 font-medium text-red-800">
          {error}
        </p>
      ) : null}
      {askCode ? (
        <>
          <p className="text-slate-700">{tCode("codeIntro")}</p>
          <Field id="login-code" name="code" autoComplete="one-time-code" autoFocus required label={tCode("codeLabel")} />
          <Button type="submit" disabled={pending} aria-busy={pending} className="w-full">
            {pending ? t("loggingIn") : tCode("verify")}
          </Button>
          <button type="button" onClick={startOver} className="text-sm text-brand-700 underline">
            {tCode("otherAccount")}
          </button>
        </>
      ) : (
        <>
          <Field id="login-email" name="email" type="email" autoComplete="email" required label={t("email")} />
          <Field id="login-password" name="password" type="password" autoComplete="current-password" required label={t("password")} />
          <Button type="submit" disabled={pending} aria-busy={pending} className="w-full">
            {pending ? t("loggingIn") : t("loginSubmit")}
          </Button>
          <Button type="button" variant="secondary" disabled={pending} onClick={loginWithPasskey} className="w-full">
            {tPasskey("login")}
          </Button>
        </>
      )}
    </form>
  );
}

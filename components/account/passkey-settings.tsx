"use client";
// Passkeys in the account settings: add one (named, made by the browser's or phone's
// authenticator) and remove one. Logging in with a passkey is on the login page.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { startRegistration } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { deletePasskeyAction, finishPasskeyRegistrationAction, startPasskeyRegistrationAction } from "@/lib/platform/auth/account-actions";
import { Field, useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export function AddPasskeyForm() {
  const t = useTranslations("security.passkeys");
  const tAll = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    setMessage(null);
    if (!name) return setFields({ name: "validation.required" });
    setPending(true);
    try {
      const started = await startPasskeyRegistrationAction();
      if (!started.ok) throw new Error(started.error.code);
      const response = await startRegistration({ optionsJSON: started.data.options });
      const finished = await finishPasskeyRegistrationAction({ challengeId: started.data.challengeId, name, response });
      if (!finished.ok) {
        setFields(finished.error.fields);
        setMessage({ ok: false, text: errorText(finished.error.fields.response) ?? tAll("errors.genericText") });
        return;
      }
      setFields({});
      form.reset();
      setMessage({ ok: true, text: t("added") });
      router.refresh();
    } catch {
      // Cancelled in the browser's dialog, or no authenticator: nothing was stored.
      setMessage({ ok: false, text: t("cancelled") });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-3" noValidate>
      <Field id="passkey-name" name="name" required maxLength={60} label={t("name")} hint={t("nameHint")} error={fields.name} />
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "font-medium text-green-800" : "font-medium text-red-700"}`}
        >
          {message.text}
        </p>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
        {t("add")}
      </Button>
    </form>
  );
}

export function DeletePasskeyButton({ passkeyId, name }: { passkeyId: string; name: string }) {
  const t = useTranslations("security.passkeys");
  const tAll = useTranslations();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  async function remove() {
    setPending(true);
    const result = await deletePasskeyAction(passkeyId);
    setPending(false);
    setFailed(!result.ok);
    if (result.ok) router.refresh();
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <Button type="button" variant="danger" disabled={pending} aria-label={t("removeNamed", { name })} onClick={remove}>
        {t("remove")}
      </Button>
      {failed ? (
        <p role="alert" className="text-sm text-red-700">
          {tAll("errors.genericText")}
        </p>
      ) : null}
    </div>
  );
}

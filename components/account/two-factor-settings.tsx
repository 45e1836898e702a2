"use client";
// Two-factor login in the account settings: set it up (QR code and key for the
// authenticator app, confirmed by its first code; the ten recovery codes shown once), or
// turn it off with the password and a code.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { confirmTwoFactorSetupAction, disableTwoFactorAction, startTwoFactorSetupAction } from "@/lib/platform/auth/account-actions";
import { Field, useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import type { TwoFactorEnrolment } from "@/lib/platform/auth/two-factor/two-factor.types";

type Fields = Record<string, string>;

function FormAlert({ text }: { text: string | null }) {
  return text ? (
    <p role="alert" className="rounded bg-red-50 p-3 font-medium text-red-800">
      {text}
    </p>
  ) : null;
}

export function TwoFactorSetup() {
  const t = useTranslations("security.twoFactor");
  const tAll = useTranslations();
  const router = useRouter();
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [fields, setFields] = useState<Fields>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const failed = (error: { code: string; fields: Fields }) => {
    setFields(error.fields);
    setFormError(
      Object.keys(error.fields).length ? null : tAll(error.code === "RATE_LIMITED" ? "errors.rateLimited" : "errors.genericText"),
    );
  };

  async function start() {
    setPending(true);
    setFormError(null);
    const result = await startTwoFactorSetupAction();
    setPending(false);
    if (!result.ok) return failed(result.error);
    setEnrolment(result.data);
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    setPending(true);
    setFormError(null);
    const result = await confirmTwoFactorSetupAction({ code });
    setPending(false);
    if (!result.ok) return failed(result.error);
    setFields({});
    setEnrolment(null);
    setRecoveryCodes(result.data.recoveryCodes);
  }

  if (recoveryCodes) {
    return (
      <div className="space-y-3">
        <p role="status" className="rounded bg-green-50 p-3 font-medium text-green-900">
          {t("enabled")}
        </p>
        <h3 className="font-semibold">{t("recoveryTitle")}</h3>
        <p className="max-w-3xl text-slate-700">{t("recoveryIntro")}</p>
        <ul aria-label={t("recoveryTitle")} className="grid max-w-md grid-cols-2 gap-2 font-mono">
          {recoveryCodes.map((code) => (
            <li key={code} className="rounded bg-slate-100 px-2 py-1">
              {code}
            </li>
          ))}
        </ul>
        <Button
          type="button"
          onClick={() => {
            setRecoveryCodes(null);
            router.refresh();
          }}
        >
          {t("recoveryDone")}
        </Button>
      </div>
    );
  }

  if (!enrolment) {
    return (
      <div className="space-y-3">
        <FormAlert text={formError} />
        <Button type="button" disabled={pending} aria-busy={pending} onClick={start}>
          {t("setupStart")}
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={confirm} className="max-w-md space-y-4" noValidate>
      <FormAlert text={formError} />
      <p className="text-slate-700">{t("scan")}</p>
      {/* biome-ignore lint/performance/noImgElement: a generated data URL, nothing for next/image to optimise */}
      <img
        src={`data:image/svg+xml;base64,${btoa(enrolment.qrSvg)}`}
        alt={t("qrAlt")}
        width={200}
        height={200}
        className="rounded bg-white ring-1 ring-slate-200"
      />
      <p className="text-sm text-slate-700">
        {t("secretLabel")}:{" "}
        <code className="break-all font-mono" data-testid="totp-secret">
          {enrolment.secret}
        </code>
      </p>
      <Field
        id="two-factor-confirm-code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        label={t("code")}
        error={fields.code}
      />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("confirming") : t("confirm")}
      </Button>
    </form>
  );
}

export function TwoFactorDisable() {
  const t = useTranslations("security.twoFactor");
  const tAll = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [fields, setFields] = useState<Fields>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setFormError(null);
    const result = await disableTwoFactorAction({ password: String(data.get("password") ?? ""), code: String(data.get("code") ?? "") });
    setPending(false);
    if (!result.ok) {
      setFields(result.error.fields);
      setFormError(
        Object.keys(result.error.fields).length
          ? null
          : tAll(result.error.code === "RATE_LIMITED" ? "errors.rateLimited" : "errors.genericText"),
      );
      return;
    }
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-4" noValidate aria-labelledby="two-factor-disable-title">
      <h3 id="two-factor-disable-title" className="font-semibold">
        {t("disableTitle")}
      </h3>
      <FormAlert text={formError ?? (fields._ ? (errorText(fields._) ?? null) : null)} />
      <Field
        id="two-factor-disable-password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        label={t("password")}
        error={fields.password}
      />
      <Field
        id="two-factor-disable-code"
        name="code"
        autoComplete="one-time-code"
        required
        label={t("codeOrRecovery")}
        error={fields.code}
      />
      <Button type="submit" variant="danger" disabled={pending} aria-busy={pending}>
        {pending ? t("disabling") : t("disable")}
      </Button>
    </form>
  );
}

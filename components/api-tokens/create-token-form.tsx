"use client";
// Creates a personal API token and shows its secret once, with a copy button. The
// secret lives only in this component's state: leaving the page forgets it.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createApiTokenAction } from "@/lib/features/api-tokens/actions";
import { Field, useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

type Created = { name: string; secret: string };

/** `businesses`: the user's businesses, to limit a token to some of them; `today`: "YYYY-MM-DD" in Amsterdam. */
export function CreateTokenForm({ businesses, today }: { businesses: { id: string; name: string }[]; today: string }) {
  const t = useTranslations("apiTokens");
  const errorText = useErrorText();
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  const createdHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (created) createdHeading.current?.focus();
  }, [created]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setFailure(null);
    const result = await createApiTokenAction({
      name: String(form.get("name") ?? ""),
      scope: String(form.get("scope") ?? ""),
      expiresOn: String(form.get("expiresOn") ?? ""),
      businessIds: form.getAll("businessIds").map(String),
    });
    setPending(false);
    if (!result.ok) {
      setFields(result.error.fields);
      if (Object.keys(result.error.fields).length === 0) setFailure(t("errorGeneric"));
      return;
    }
    setFields({});
    formElement.reset();
    setCopyState("idle");
    setCreated({ name: result.data.token.name, secret: result.data.secret });
    router.refresh();
  }

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      setCopyState("copied");
    } catch {
      setCopyState("failed");
    }
  }

  return (
    <div className="space-y-4">
      {created ? (
        <section aria-labelledby="new-token-title" className="rounded-md border border-amber-300 bg-amber-50 p-4">
          <h3 id="new-token-title" ref={createdHeading} tabIndex={-1} className="font-semibold">
            {t("createdTitle", { name: created.name })}
          </h3>
          <p id="new-token-once" className="mt-1 text-sm text-slate-800">
            {t("createdOnce")}
          </p>
          <label htmlFor="new-token-value" className="mt-3 block text-sm font-medium">
            {t("tokenLabel")}
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              id="new-token-value"
              readOnly
              value={created.secret}
              aria-describedby="new-token-once"
              onFocus={(event) => event.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
            />
            <Button type="button" variant="secondary" onClick={() => copy(created.secret)}>
              {t("copy")}
            </Button>
            <Button type="button" onClick={() => setCreated(null)}>
              {t("done")}
            </Button>
          </div>
          <p role="status" className="mt-2 text-sm font-medium text-green-800">
            {copyState === "copied" ? t("copied") : copyState === "failed" ? <span className="text-red-700">{t("copyFailed")}</span> : null}
          </p>
        </section>
      ) : null}

      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field
          id="token-name"
          name="name"
          required
          maxLength={80}
          autoComplete="off"
          label={t("name")}
          hint={t("nameHint")}
          error={fields.name}
        />
        <fieldset aria-describedby={fields.scope ? "token-scope-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t("scope")}</legend>
          <div className="mt-2 space-y-2">
            <label className="flex items-start gap-2">
              <input type="radio" name="scope" value="read" defaultChecked className="mt-1" aria-describedby="scope-read-hint" />
              <span>
                <span className="font-medium">{t("scopeRead")}</span>
                <span id="scope-read-hint" className="block text-sm text-slate-600">
                  {t("scopeReadHint")}
                </span>
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="scope" value="read_write" className="mt-1" aria-describedby="scope-read-write-hint" />
              <span>
                <span className="font-medium">{t("scopeReadWrite")}</span>
                <span id="scope-read-write-hint" className="block text-sm text-slate-600">
                  {t("scopeReadWriteHint")}
                </span>
              </span>
            </label>
          </div>
          {fields.scope ? (
            <p id="token-scope-error" className="mt-1 text-sm font-medium text-red-700">
              {errorText(fields.scope)}
            </p>
          ) : null}
        </fieldset>
        <Field
          id="token-expires"
          name="expiresOn"
          type="date"
          min={nextDay(today)}
          label={t("expiresOn")}
          hint={t("expiresOnHint")}
          error={fields.expiresOn}
          className="max-w-xs"
        />
        <fieldset
          aria-describedby={["token-businesses-hint", fields.businessIds ? "token-businesses-error" : null].filter(Boolean).join(" ")}
        >
          <legend className="text-sm font-medium text-slate-800">{t("businesses")}</legend>
          <p id="token-businesses-hint" className="text-sm text-slate-600">
            {businesses.length === 0 ? t("noBusinesses") : t("businessesHint")}
          </p>
          {businesses.length > 0 ? (
            <div className="mt-2 space-y-1">
              {businesses.map((business) => (
                <label key={business.id} className="flex items-center gap-2">
                  <input type="checkbox" name="businessIds" value={business.id} />
                  <span>{business.name}</span>
                </label>
              ))}
            </div>
          ) : null}
          {fields.businessIds ? (
            <p id="token-businesses-error" className="mt-1 text-sm font-medium text-red-700">
              {errorText(fields.businessIds)}
            </p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? t("creating") : t("create")}
        </Button>
        {failure ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            {failure}
          </p>
        ) : null}
      </form>
    </div>
  );
}

/** The day after "YYYY-MM-DD" (the earliest expiry). */
function nextDay(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

"use client";
// The frame of the account forms (registration, forgotten, reset and changed password):
// one server action per submit, its field messages handed to the fields, a form-wide
// alert when the answer names no field (or a rate limit), an optional success status,
// and a submit button that says it is busy.
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/platform/action-result";

export type FieldMessages = Record<string, string>;

type Props = {
  action: (form: FormData) => Promise<ActionResult<unknown>>;
  /** After a successful answer: clear the form, navigate, … */
  onSuccess?: (form: HTMLFormElement, data: FormData) => void | Promise<void>;
  /** Shown as a status once the action succeeded. */
  successText?: string;
  /** How a rate limit is told: with the wait in minutes, or in general words; without it, as any other error. */
  rateLimited?: "wait" | "generic";
  /** Keep the button busy after success, while the page moves on. */
  staysPendingOnSuccess?: boolean;
  submitLabel: string;
  pendingLabel: string;
  className?: string;
  buttonClassName?: string;
  /** The fields, given the field messages of the last answer. */
  children: (fields: FieldMessages) => ReactNode;
};

export function ActionForm({
  action,
  onSuccess,
  successText,
  rateLimited,
  staysPendingOnSuccess = false,
  submitLabel,
  pendingLabel,
  className = "space-y-4",
  buttonClassName,
  children,
}: Props) {
  const t = useTranslations();
  const [fields, setFields] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const data = new FormData(formElement);
    setPending(true);
    setFormError(null);
    setDone(false);
    const result = await action(data);
    if (!result.ok || !staysPendingOnSuccess) setPending(false);
    if (!result.ok) {
      setFields(result.error.fields);
      if (result.error.code === "RATE_LIMITED" && rateLimited === "wait") {
        setFormError(t("account.rateLimited", { minutes: Math.max(1, Math.ceil((result.error.retryAfterSeconds ?? 60) / 60)) }));
      } else if (result.error.code === "RATE_LIMITED" && rateLimited === "generic") setFormError(t("errors.rateLimited"));
      else if (Object.keys(result.error.fields).length === 0) setFormError(t("errors.genericText"));
      return;
    }
    setFields({});
    setDone(true);
    await onSuccess?.(formElement, data);
  }

  return (
    <form onSubmit={onSubmit} className={className} noValidate>
      {formError ? (
        <p role="alert" className="rounded bg-red-50 p-3 font-medium text-red-800">
          {formError}
        </p>
      ) : null}
      {done && successText ? (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900">
          {successText}
        </p>
      ) : null}
      {children(fields)}
      <Button type="submit" disabled={pending} aria-busy={pending} className={buttonClassName}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}

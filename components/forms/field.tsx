"use client";
// Labelled form fields (input and select) with their hint and error, wired for screen
// readers. Both share one frame so labels, hints and errors look and read the same.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { useTranslations } from "next-intl";

export function useErrorText() {
  const t = useTranslations();
  return (key: string | undefined) => (key ? (t.has(key) ? t(key) : t("validation.invalid")) : undefined);
}

type FrameProps = { id: string; label: ReactNode; hint?: ReactNode; error?: string; className?: string };

/** The label, hint and error around a control; hands the control its aria attributes. */
function FieldFrame({
  id,
  label,
  hint,
  error,
  className,
  children,
}: FrameProps & { children: (aria: { "aria-invalid"?: true; "aria-describedby"?: string }, invalid: boolean) => ReactNode }) {
  const errorText = useErrorText()(error);
  const describedBy = [hint ? `${id}-hint` : null, errorText ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ "aria-invalid": errorText ? true : undefined, "aria-describedby": describedBy }, Boolean(errorText))}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {errorText ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
          {errorText}
        </p>
      ) : null}
    </div>
  );
}

const controlClass = (invalid: boolean) =>
  `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 ${invalid ? "border-red-600" : "border-slate-300"}`;

/** A caller's own aria-describedby (e.g. a live explanation) is kept beside hint and error. */
const joinDescribedBy = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

export function Field({ id, label, hint, error, className, ...input }: InputHTMLAttributes<HTMLInputElement> & FrameProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      {(aria, invalid) => (
        <input
          id={id}
          {...input}
          {...aria}
          aria-describedby={joinDescribedBy(input["aria-describedby"], aria["aria-describedby"])}
          className={controlClass(invalid)}
        />
      )}
    </FieldFrame>
  );
}

/** A new password (registration, reset, change): the password rule as its hint. */
export function NewPasswordField({ id, name, label, error }: { id: string; name: string; label: ReactNode; error?: string }) {
  const t = useTranslations("auth");
  return (
    <Field id={id} name={name} type="password" autoComplete="new-password" required label={label} hint={t("passwordHint")} error={error} />
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  className,
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & FrameProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      {(aria, invalid) => (
        <select
          id={id}
          {...select}
          {...aria}
          aria-describedby={joinDescribedBy(select["aria-describedby"], aria["aria-describedby"])}
          className={controlClass(invalid)}
        >
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

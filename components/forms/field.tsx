"use client";
// A labelled form field with its hint and its error, wired for screen readers.
import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslations } from "next-intl";

export function useErrorText() {
  const t = useTranslations();
  return (key: string | undefined) => (key ? (t.has(key) ? t(key) : t("validation.invalid")) : undefined);
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
};

export function Field({ id, label, hint, error, className, ...input }: FieldProps) {
  const errorText = useErrorText()(error);
  const describedBy = [hint ? `${id}-hint` : null, errorText ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded-md border px-3 py-2 text-base shadow-sm focus:border-brand-600 ${
          errorText ? "border-red-600" : "border-slate-300"
        }`}
        {...input}
      />
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

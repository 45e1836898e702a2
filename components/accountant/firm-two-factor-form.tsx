"use client";
// The firm administrator requires (or stops requiring) two-factor login of every member.
import type { FormEvent } from "react";
import { useTranslations } from "next-intl";
import { setFirmTwoFactorAction } from "@/lib/features/accountant/firm-two-factor-actions";
import { useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { useActionForm } from "./use-action-form";

export function FirmTwoFactorForm({ required }: { required: boolean }) {
  const t = useTranslations("security.firm");
  const tAll = useTranslations();
  const errorText = useErrorText();
  const { fields, message, pending, submit } = useActionForm();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    await submit(() => setFirmTwoFactorAction({ required: data.get("required") === "on" }), { success: "security.firm.saved" });
  }
  const error = fields.required ? errorText(fields.required) : message && !message.ok ? errorText(message.key) : null;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-labelledby="firm-two-factor-title">
      <h3 id="firm-two-factor-title" className="font-semibold">
        {t("title")}
      </h3>
      <p className="text-sm text-slate-600">{t("help")}</p>
      <div className="flex items-center gap-2">
        <input
          id="firm-two-factor-required"
          name="required"
          type="checkbox"
          defaultChecked={required}
          aria-describedby={error ? "firm-two-factor-error" : undefined}
          className="h-4 w-4"
        />
        <label htmlFor="firm-two-factor-required" className="text-sm font-medium text-slate-800">
          {t("require")}
        </label>
      </div>
      {error ? (
        <p id="firm-two-factor-error" role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {message?.ok ? (
        <p role="status" className="text-sm font-medium text-green-800">
          {tAll(message.key)}
        </p>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
        {t("save")}
      </Button>
    </form>
  );
}

"use client";
// An owner invites an accountant by email with an access level.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { inviteAccountantAction } from "@/app/(app)/accountant/actions";
import { Field, useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export function InviteAccountantForm({ businessId }: { businessId: string }) {
  const t = useTranslations("accountant");
  const errorText = useErrorText();
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get("email") ?? "");
    setPending(true);
    setMessage(null);
    const result = await inviteAccountantAction(businessId, { email, access: String(form.get("access") ?? "READ_ONLY") });
    setPending(false);
    if (!result.ok) {
      setFields(Object.keys(result.error.fields).length ? result.error.fields : { email: "validation.invalid" });
      return;
    }
    setFields({});
    formElement.reset();
    setMessage(t("settings.invited", { email: email.trim().toLowerCase() }));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <div className="grid items-start gap-3 sm:grid-cols-[1fr_auto_auto]">
        <Field id="accountant-email" name="email" type="email" required label={t("settings.email")} error={fields.email} />
        <div>
          <label htmlFor="accountant-access" className="block text-sm font-medium">
            {t("settings.access")}
          </label>
          <select id="accountant-access" name="access" defaultValue="READ_ONLY" className="mt-1 rounded-md border border-slate-300 px-3 py-2">
            <option value="READ_ONLY">{t("access.READ_ONLY")}</option>
            <option value="READ_WRITE">{t("access.READ_WRITE")}</option>
          </select>
          {fields.access ? <p className="mt-1 text-sm text-red-700">{errorText(fields.access)}</p> : null}
        </div>
        <Button type="submit" disabled={pending} aria-busy={pending} className="sm:mt-6">
          {pending ? t("settings.inviting") : t("settings.invite")}
        </Button>
      </div>
      {message ? (
        <p role="status" className="text-sm font-medium text-green-800">
          {message}
        </p>
      ) : null}
    </form>
  );
}

"use client";
// An owner adds a registered user as member (or owner).
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { addMemberAction } from "@/app/(app)/businesses/actions";
import { Field, useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export function AddMemberForm({ businessId }: { businessId: string }) {
  const t = useTranslations("members");
  const tb = useTranslations("businesses");
  const errorText = useErrorText();
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
    const result = await addMemberAction(businessId, { email, role: String(form.get("role") ?? "MEMBER") });
    setPending(false);
    if (!result.ok) {
      setFields(result.error.fields);
      return;
    }
    setFields({});
    formElement.reset();
    setMessage(t("added", { email: email.trim().toLowerCase() }));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <p className="text-sm text-slate-600">{t("addHelp")}</p>
      <div className="grid items-start gap-3 sm:grid-cols-[1fr_auto_auto]">
        <Field id="member-email" name="email" type="email" required label={t("email")} error={fields.email} />
        <div>
          <label htmlFor="member-role" className="block text-sm font-medium">
            {t("role")}
          </label>
          <select id="member-role" name="role" defaultValue="MEMBER" className="mt-1 rounded-md border border-slate-300 px-3 py-2">
            <option value="MEMBER">{tb("role.MEMBER")}</option>
            <option value="OWNER">{tb("role.OWNER")}</option>
          </select>
          {fields.role ? <p className="mt-1 text-sm text-red-700">{errorText(fields.role)}</p> : null}
        </div>
        <Button type="submit" disabled={pending} aria-busy={pending} className="sm:mt-6">
          {pending ? t("adding") : t("add")}
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

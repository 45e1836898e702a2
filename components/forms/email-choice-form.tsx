"use client";
// Adding a person to a business by e-mail address with one choice beside it (an
// accountant's access level, a member's role): the shape shared by the accountant
// invitation and the add-member form. On success the form is cleared and says whom it
// reached.
import { useState, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Field, useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/platform/action-result";

type Props = {
  /** Prefix of the control ids: `${idPrefix}-email`, `${idPrefix}-${choice.name}`. */
  idPrefix: string;
  intro?: ReactNode;
  emailLabel: string;
  choice: { name: string; label: string; defaultValue: string; options: { value: string; label: string }[] };
  submitLabel: string;
  pendingLabel: string;
  action: (input: { email: string; choice: string }) => Promise<ActionResult<unknown>>;
  /** The status after success, given the address as it was stored (trimmed, lower case). */
  successText: (email: string) => string;
  /** Where an error that names no field is shown (as "validation.invalid"); without it, nowhere. */
  fallbackField?: string;
  /** Refresh the server components after success (the page lists what was added). */
  refreshOnSuccess?: boolean;
};

export function EmailChoiceForm({
  idPrefix,
  intro,
  emailLabel,
  choice,
  submitLabel,
  pendingLabel,
  action,
  successText,
  fallbackField,
  refreshOnSuccess = false,
}: Props) {
  const errorText = useErrorText();
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const choiceId = `${idPrefix}-${choice.name}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get("email") ?? "");
    setPending(true);
    setMessage(null);
    const result = await action({ email, choice: String(form.get(choice.name) ?? choice.defaultValue) });
    setPending(false);
    if (!result.ok) {
      const found = result.error.fields;
      setFields(Object.keys(found).length || !fallbackField ? found : { [fallbackField]: "validation.invalid" });
      return;
    }
    setFields({});
    formElement.reset();
    setMessage(successText(email.trim().toLowerCase()));
    if (refreshOnSuccess) router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {intro}
      <div className="grid items-start gap-3 sm:grid-cols-[1fr_auto_auto]">
        <Field id={`${idPrefix}-email`} name="email" type="email" required label={emailLabel} error={fields.email} />
        <div>
          <label htmlFor={choiceId} className="block text-sm font-medium">
            {choice.label}
          </label>
          <select
            id={choiceId}
            name={choice.name}
            defaultValue={choice.defaultValue}
            className="mt-1 rounded-md border border-slate-300 px-3 py-2"
          >
            {choice.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {fields[choice.name] ? <p className="mt-1 text-sm text-red-700">{errorText(fields[choice.name])}</p> : null}
        </div>
        <Button type="submit" disabled={pending} aria-busy={pending} className="sm:mt-6">
          {pending ? pendingLabel : submitLabel}
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

"use client";
// Marks a period's VAT return as filed (or, when filed and changed since, its correction),
// with the day it was sent.
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { fileVatReturnAction } from "@/lib/features/vat-return/actions";
import { Field } from "@/components/forms/field";

type Props = { businessId: string; period: string; today: string; correction: boolean };

export function FilingForm({ businessId, period, today, correction }: Props) {
  const t = useTranslations("vatReturn");
  const id = useId();
  const router = useRouter();
  const [filedOn, setFiledOn] = useState(today);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState("");
  const [pending, startTransition] = useTransition();
  const submit = () =>
    startTransition(async () => {
      const result = await fileVatReturnAction(businessId, period, { filedOn, ...(correction ? { correction: true } : {}) });
      if (!result.ok) {
        setError(result.error.fields.filedOn ?? result.error.fields.period ?? "validation.invalid");
        setStatus(t("fileFailed"));
        return;
      }
      setError(undefined);
      setStatus("");
      router.refresh();
    });
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Field
        id={`${id}-filed-on`}
        type="date"
        label={t("filedOn")}
        value={filedOn}
        onChange={(event) => setFiledOn(event.target.value)}
        error={error}
        required
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? t("filing") : correction ? t("correctionFiledButton") : t("fileButton")}
      </button>
      <p role="status" className="min-h-5 w-full text-sm font-medium text-red-800">
        {status}
      </p>
    </form>
  );
}

"use client";
// Create or edit a business: identifiers, filing period, KOR periods and the EU-KOR.
// The server validates; every field shows its own message.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createBusinessAction, updateBusinessAction } from "@/lib/features/businesses/actions";
import { Field, useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { EU_MEMBER_STATES } from "@/lib/features/businesses/business.types";

// NL is the home state: the EU-KOR exempts supplies in the other member states.
const EU_STATES = EU_MEMBER_STATES.filter((state) => state !== "NL");

type Period = { key: number; from: string; to: string };

export function BusinessForm({ business }: { business?: BusinessDto }) {
  const t = useTranslations("businessForm");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const router = useRouter();
  const [periods, setPeriods] = useState<Period[]>(
    (business?.korParticipations ?? []).map((period, index) => ({ key: index, from: period.from, to: period.to ?? "" })),
  );
  const [euKorEnabled, setEuKorEnabled] = useState(Boolean(business?.euKor));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<"idle" | "pending" | "saved" | "error">("idle");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      kvkNumber: String(form.get("kvkNumber") ?? ""),
      vatNumber: String(form.get("vatNumber") ?? ""),
      filingPeriod: String(form.get("filingPeriod") ?? "quarter"),
      startedOn: String(form.get("startedOn") ?? ""),
      korParticipations: periods.map((period) => ({ from: period.from, to: period.to })),
      euKor: euKorEnabled
        ? {
            exNumber: String(form.get("exNumber") ?? ""),
            from: String(form.get("euKorFrom") ?? ""),
            memberStates: form.getAll("memberStates").map(String),
          }
        : null,
    };
    setStatus("pending");
    const result = business ? await updateBusinessAction(business.id, input) : await createBusinessAction(input);
    if (!result.ok) {
      setFields(result.error.fields);
      setStatus("error");
      return;
    }
    setFields({});
    if (business) {
      setStatus("saved");
      router.refresh();
    } else {
      router.push(`/businesses/${result.data.id}`);
    }
  }

  const pending = status === "pending";
  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      {status === "error" ? (
        <p role="alert" className="rounded bg-red-50 p-3 font-medium text-red-800">
          {Object.keys(fields).length ? t("errorSummary") : errorText("validation.invalid")}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="business-name"
          name="name"
          required
          label={t("name")}
          defaultValue={business?.name}
          error={fields.name}
          className="sm:col-span-2"
        />
        <Field
          id="business-kvk"
          name="kvkNumber"
          inputMode="numeric"
          label={t("kvkNumber")}
          hint={t("kvkHint")}
          defaultValue={business?.kvkNumber ?? ""}
          error={fields.kvkNumber}
        />
        <Field
          id="business-vat"
          name="vatNumber"
          label={t("vatNumber")}
          hint={t("vatHint")}
          defaultValue={business?.vatNumber ?? ""}
          error={fields.vatNumber}
        />
        <Field
          id="business-started"
          name="startedOn"
          type="date"
          label={t("startedOn")}
          hint={t("startedOnHint")}
          defaultValue={business?.startedOn ?? ""}
          error={fields.startedOn}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("filingPeriod")}</legend>
        <div className="mt-2 flex gap-6">
          {(["quarter", "month"] as const).map((option) => (
            <label key={option} className="flex items-center gap-2">
              <input type="radio" name="filingPeriod" value={option} defaultChecked={(business?.filingPeriod ?? "quarter") === option} />
              {t(option)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="rounded-md border border-slate-200 p-4">
        <legend className="px-1 font-semibold">{t("korTitle")}</legend>
        <p className="mb-3 text-sm text-slate-600">{t("korHelp")}</p>
        <ol className="space-y-3">
          {periods.map((period, index) => (
            <li
              key={period.key}
              className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]"
              aria-label={t("period", { number: index + 1 })}
            >
              <Field
                id={`kor-${period.key}-from`}
                type="date"
                label={`${t("from")} (${t("period", { number: index + 1 })})`}
                value={period.from}
                onChange={(e) => setPeriods(periods.map((p) => (p.key === period.key ? { ...p, from: e.target.value } : p)))}
                error={fields[`korParticipations.${index}.from`]}
              />
              <Field
                id={`kor-${period.key}-to`}
                type="date"
                label={`${t("to")} (${t("period", { number: index + 1 })})`}
                value={period.to}
                onChange={(e) => setPeriods(periods.map((p) => (p.key === period.key ? { ...p, to: e.target.value } : p)))}
                error={fields[`korParticipations.${index}.to`]}
              />
              <Button type="button" variant="danger" onClick={() => setPeriods(periods.filter((p) => p.key !== period.key))}>
                {t("removePeriod", { number: index + 1 })}
              </Button>
            </li>
          ))}
        </ol>
        <Button
          type="button"
          variant="secondary"
          className="mt-3"
          onClick={() => setPeriods([...periods, { key: Math.max(-1, ...periods.map((p) => p.key)) + 1, from: "", to: "" }])}
        >
          {t("addPeriod")}
        </Button>
      </fieldset>
      <fieldset className="rounded-md border border-slate-200 p-4">
        <legend className="px-1 font-semibold">{t("euKorTitle")}</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={euKorEnabled} onChange={(e) => setEuKorEnabled(e.target.checked)} />
          {t("euKorEnabled")}
        </label>
        {euKorEnabled ? (
          <div className="mt-4 space-y-4">
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                id="eukor-ex"
                name="exNumber"
                label={t("exNumber")}
                hint={t("exHint")}
                defaultValue={business?.euKor?.exNumber ?? ""}
                error={fields["euKor.exNumber"]}
              />
              <Field
                id="eukor-from"
                name="euKorFrom"
                type="date"
                label={t("euKorFrom")}
                defaultValue={business?.euKor?.from ?? ""}
                error={fields["euKor.from"]}
              />
            </div>
            <fieldset>
              <legend className="text-sm font-medium">{t("memberStates")}</legend>
              <div className="mt-2 grid grid-cols-4 gap-2 sm:grid-cols-7">
                {EU_STATES.map((state) => (
                  <label key={state} className="flex items-center gap-1 text-sm">
                    <input
                      type="checkbox"
                      name="memberStates"
                      value={state}
                      defaultChecked={business?.euKor?.memberStates.includes(state)}
                    />
                    {state}
                  </label>
                ))}
              </div>
              {fields["euKor.memberStates"] ? <p className="mt-1 text-sm text-red-700">{errorText(fields["euKor.memberStates"])}</p> : null}
            </fieldset>
          </div>
        ) : null}
      </fieldset>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? (business ? tc("saving") : t("creating")) : business ? tc("save") : t("create")}
        </Button>
        {status === "saved" ? (
          <p role="status" className="font-medium text-green-800">
            {tc("saved")}
          </p>
        ) : null}
      </div>
    </form>
  );
}

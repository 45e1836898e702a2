"use client";
// The accountant's side of access requests: ask a business by KVK number (the answer is
// the same whether or not it uses Drempel), and the list of one's own requests with
// withdraw. And the owner's side: approve (choosing the level) or reject one request.
import { useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { decideAccessRequestAction, requestAccessAction, withdrawAccessRequestAction } from "@/lib/features/accountant/actions";
import { Field, useErrorText } from "@/components/forms/field";
import { formatDate, toLanguage } from "@/lib/platform/i18n/format";
import { Button } from "@/components/ui/button";
import type { BusinessAccessRequestDto, MyAccessRequestDto } from "@/lib/features/accountant/accountant.types";
import { useActionForm } from "./use-action-form";

function Message({ message }: { message: { ok: boolean; key: string } | null }) {
  const t = useTranslations();
  const errorText = useErrorText();
  if (!message) return null;
  return message.ok ? (
    <p role="status" className="text-sm font-medium text-green-800">
      {t(message.key)}
    </p>
  ) : (
    <p role="alert" className="text-sm text-red-700">
      {errorText(message.key)}
    </p>
  );
}

export function RequestAccessForm() {
  const t = useTranslations("accountant.requests");
  const { fields, message, pending, submit } = useActionForm();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    await submit(
      () => requestAccessAction({ kvkNumber: String(data.get("kvkNumber") ?? ""), ownerEmail: String(data.get("ownerEmail") ?? "") }),
      {
        success: "accountant.requests.sent",
        onSuccess: () => form.reset(),
      },
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <div className="grid items-start gap-3 sm:grid-cols-[1fr_1fr_auto]">
        <Field
          id="request-kvk"
          name="kvkNumber"
          inputMode="numeric"
          autoComplete="off"
          required
          label={t("kvk")}
          error={fields.kvkNumber}
        />
        <Field id="request-owner-email" name="ownerEmail" type="email" label={t("ownerEmail")} error={fields.ownerEmail} />
        <Button type="submit" disabled={pending} aria-busy={pending} className="sm:mt-6">
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
      <Message message={message} />
    </form>
  );
}

export function MyAccessRequests({ requests }: { requests: MyAccessRequestDto[] }) {
  const t = useTranslations("accountant.requests");
  const language = toLanguage(useLocale());
  const { message, pending, submit } = useActionForm();
  return (
    <div>
      <ul className="space-y-2">
        {requests.map((request) => (
          <li key={request.id} className="flex flex-wrap items-center gap-3 text-sm">
            <span>
              {request.ownerEmail
                ? t("lineWithEmail", { kvk: request.kvkNumber, email: request.ownerEmail })
                : t("line", { kvk: request.kvkNumber })}{" "}
              — {t(`status.${request.status}`, { date: formatDate(request.expiresAt.slice(0, 10), language) })}
            </span>
            {request.status === "open" ? (
              <Button
                type="button"
                variant="secondary"
                disabled={pending}
                onClick={() => submit(() => withdrawAccessRequestAction(request.id))}
              >
                {t("withdraw", { kvk: request.kvkNumber })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <Message message={message} />
    </div>
  );
}

export function AccessRequestActions({ businessId, request }: { businessId: string; request: BusinessAccessRequestDto }) {
  const t = useTranslations("accountant");
  const { message, pending, submit } = useActionForm();
  const [access, setAccess] = useState<"READ_ONLY" | "READ_WRITE">("READ_ONLY");
  const selectId = `request-access-${request.id}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={selectId} className="sr-only">
        {t("settings.approveAccess", { name: request.accountantName })}
      </label>
      <select
        id={selectId}
        value={access}
        disabled={pending}
        onChange={(event) => setAccess(event.target.value === "READ_WRITE" ? "READ_WRITE" : "READ_ONLY")}
        className="rounded-md border border-slate-300 px-3 py-2 text-sm"
      >
        <option value="READ_ONLY">{t("access.READ_ONLY")}</option>
        <option value="READ_WRITE">{t("access.READ_WRITE")}</option>
      </select>
      <Button
        type="button"
        disabled={pending}
        onClick={() => submit(() => decideAccessRequestAction(businessId, request.id, { approve: true, access }))}
      >
        {t("settings.approve", { name: request.accountantName })}
      </Button>
      <Button
        type="button"
        variant="danger"
        disabled={pending}
        onClick={() => submit(() => decideAccessRequestAction(businessId, request.id, { approve: false }))}
      >
        {t("settings.reject", { name: request.accountantName })}
      </Button>
      <div className="w-full">
        <Message message={message} />
      </div>
    </div>
  );
}

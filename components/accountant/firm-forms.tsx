"use client";
// The accountant's firm: create one, add a colleague (administrator), leave, and share a
// client with a colleague at the same or a lower level.
import type { FormEvent } from "react";
import { useTranslations } from "next-intl";
import { addFirmColleagueAction, createFirmAction, leaveFirmAction, shareClientAction } from "@/lib/features/accountant/actions";
import { Field, SelectField, useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import type { FirmDto } from "@/lib/features/accountant/accountant.types";
import { useActionForm } from "./use-action-form";

function Status({ message }: { message: { ok: boolean; key: string } | null }) {
  const t = useTranslations();
  const errorText = useErrorText();
  if (!message) return null;
  return (
    <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "font-medium text-green-800" : "text-red-700"}`}>
      {message.ok ? t(message.key) : errorText(message.key)}
    </p>
  );
}

export function CreateFirmForm() {
  const t = useTranslations("accountant.firm");
  const { fields, message, pending, submit } = useActionForm();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    await submit(() => createFirmAction({ name: String(data.get("name") ?? "") }));
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-3" noValidate>
      <Field id="firm-name" name="name" required label={t("name")} error={fields.name} />
      <Button type="submit" disabled={pending} className="sm:mt-6">
        {t("create")}
      </Button>
      <Status message={message} />
    </form>
  );
}

export function AddColleagueForm() {
  const t = useTranslations("accountant.firm");
  const { fields, message, pending, submit } = useActionForm();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    await submit(() => addFirmColleagueAction({ email: String(data.get("email") ?? "") }), {
      success: "accountant.firm.added",
      onSuccess: () => form.reset(),
    });
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-3" noValidate>
      <Field id="firm-colleague-email" name="email" type="email" required label={t("colleagueEmail")} error={fields.email} />
      <Button type="submit" disabled={pending} className="sm:mt-6">
        {t("add")}
      </Button>
      <Status message={message} />
    </form>
  );
}

export function LeaveFirmButton({ firm }: { firm: string }) {
  const t = useTranslations("accountant.firm");
  const { message, pending, submit } = useActionForm();
  return (
    <>
      <Button type="button" variant="secondary" disabled={pending} onClick={() => submit(() => leaveFirmAction())}>
        {t("leave", { firm })}
      </Button>
      <Status message={message} />
    </>
  );
}

export function ShareClientForm({
  firm,
  clients,
  userId,
}: {
  firm: FirmDto;
  clients: { businessId: string; name: string }[];
  userId: string;
}) {
  const t = useTranslations("accountant");
  const { fields, message, pending, submit } = useActionForm();
  const colleagues = firm.members.filter((m) => m.userId !== userId);
  if (colleagues.length === 0 || clients.length === 0) return null;
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    await submit(
      () =>
        shareClientAction(String(data.get("businessId") ?? ""), {
          colleagueId: String(data.get("colleagueId") ?? ""),
          access: String(data.get("access") ?? "READ_ONLY"),
        }),
      {
        success: "accountant.firm.share.shared",
      },
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label={t("firm.share.title")}>
      <h3 className="font-semibold">{t("firm.share.title")}</h3>
      <div className="grid items-start gap-3 sm:grid-cols-[1fr_1fr_1fr_auto]">
        <SelectField id="share-client" name="businessId" label={t("firm.share.client")}>
          {clients.map((c) => (
            <option key={c.businessId} value={c.businessId}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="share-colleague" name="colleagueId" label={t("firm.share.colleague")} error={fields.colleagueId}>
          {colleagues.map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="share-access" name="access" label={t("firm.share.access")} defaultValue="READ_ONLY" error={fields.access}>
          <option value="READ_ONLY">{t("access.READ_ONLY")}</option>
          <option value="READ_WRITE">{t("access.READ_WRITE")}</option>
        </SelectField>
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {t("firm.share.submit")}
        </Button>
      </div>
      <Status message={message} />
    </form>
  );
}

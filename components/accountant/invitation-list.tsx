"use client";
// The invitations waiting for the signed-in user, each with accept and decline.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { respondToInvitationAction } from "@/app/(app)/accountant/actions";
import { useErrorText } from "@/components/forms/field";
import { formatDate, toLanguage } from "@/components/invoices/format";
import { Button } from "@/components/ui/button";
import type { MyInvitationDto } from "@/lib/accountant/accountant.types";

export function InvitationList({ invitations }: { invitations: MyInvitationDto[] }) {
  const t = useTranslations("accountant");
  const language = toLanguage(useLocale());
  const errorText = useErrorText();
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function respond(invitation: MyInvitationDto, accept: boolean) {
    setPending(invitation.id);
    setMessage(null);
    const result = await respondToInvitationAction(invitation.id, accept);
    setPending(null);
    if (!result.ok) {
      setMessage({ ok: false, text: errorText(Object.values(result.error.fields)[0] ?? "validation.invalid") ?? "" });
      return;
    }
    setMessage({ ok: true, text: accept ? t("invitations.accepted", { business: invitation.businessName }) : t("invitations.declined") });
    router.refresh();
  }

  return (
    <div>
      <ul className="space-y-3">
        {invitations.map((invitation) => {
          const values = { business: invitation.businessName, access: t(`access.${invitation.access}`), date: formatDate(invitation.expiresAt.slice(0, 10), language, "long") };
          return (
            <li key={invitation.id} className="flex flex-wrap items-center gap-3">
              <span className="text-sm">{invitation.invitedBy ? t("invitations.from", { ...values, name: invitation.invitedBy }) : t("invitations.fromUnknown", values)}</span>
              <Button type="button" disabled={pending !== null} onClick={() => respond(invitation, true)}>
                {t("invitations.accept", { business: invitation.businessName })}
              </Button>
              <Button type="button" variant="secondary" disabled={pending !== null} onClick={() => respond(invitation, false)}>
                {t("invitations.decline", { business: invitation.businessName })}
              </Button>
            </li>
          );
        })}
      </ul>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`mt-3 text-sm font-medium ${message.ok ? "text-green-800" : "text-red-700"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}

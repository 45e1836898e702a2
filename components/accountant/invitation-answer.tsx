"use client";
// Accept or decline on the invitation page; the mailed token goes back to the server.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { respondToInvitationAction } from "@/lib/features/accountant/actions";
import { useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export function InvitationAnswer({ token, businessName }: { token: string; businessName: string }) {
  const t = useTranslations("accountant");
  const errorText = useErrorText();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function respond(accept: boolean) {
    setPending(true);
    setMessage(null);
    const result = await respondToInvitationAction(token, accept);
    setPending(false);
    if (!result.ok) {
      setMessage({ ok: false, text: errorText(Object.values(result.error.fields)[0] ?? "accountant.errors.invitationInvalid") ?? "" });
      return;
    }
    setMessage({ ok: true, text: accept ? t("invitations.accepted", { business: businessName }) : t("invitations.declined") });
  }

  if (message?.ok) {
    return (
      <div className="space-y-3">
        <p role="status" className="text-sm font-medium text-green-800">
          {message.text}
        </p>
        {/* A full load: the header (the "Klanten" link) and /accountant change with the answer. */}
        <a href="/accountant" className="font-semibold text-brand-700 underline">
          {t("invitations.toOverview")}
        </a>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <Button type="button" disabled={pending} onClick={() => respond(true)}>
          {t("invitations.accept", { business: businessName })}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => respond(false)}>
          {t("invitations.decline", { business: businessName })}
        </Button>
      </div>
      {message ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}

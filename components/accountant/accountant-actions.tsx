"use client";
// An owner's controls for one accountant (access level, revoke) or one pending invitation (withdraw).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { changeAccountantAccessAction, revokeAccountantAction, withdrawInvitationAction } from "@/app/(app)/accountant/actions";
import { useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/action-result";
import type { BusinessAccountantDto, BusinessInvitationDto } from "@/lib/accountant/accountant.types";

function useRun() {
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function run(action: () => Promise<ActionResult<null>>) {
    setPending(true);
    setError(null);
    const result = await action();
    setPending(false);
    if (!result.ok) setError(errorText(Object.values(result.error.fields)[0] ?? "validation.invalid") ?? null);
    else router.refresh();
  }
  return { run, pending, error };
}

export function AccountantActions({ businessId, accountant }: { businessId: string; accountant: BusinessAccountantDto }) {
  const t = useTranslations("accountant");
  const { run, pending, error } = useRun();
  const selectId = `accountant-access-${accountant.membershipId}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={selectId} className="sr-only">
        {t("settings.changeAccess", { name: accountant.name })}
      </label>
      <select
        id={selectId}
        value={accountant.access}
        disabled={pending}
        onChange={(event) => run(() => changeAccountantAccessAction(businessId, accountant.membershipId, event.target.value))}
        className="rounded-md border border-slate-300 px-3 py-2 text-sm"
      >
        <option value="READ_ONLY">{t("access.READ_ONLY")}</option>
        <option value="READ_WRITE">{t("access.READ_WRITE")}</option>
      </select>
      <Button type="button" variant="danger" disabled={pending} onClick={() => run(() => revokeAccountantAction(businessId, accountant.membershipId))}>
        {t("settings.revoke", { name: accountant.name })}
      </Button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function WithdrawInvitationButton({ businessId, invitation }: { businessId: string; invitation: BusinessInvitationDto }) {
  const t = useTranslations("accountant");
  const { run, pending, error } = useRun();
  return (
    <>
      <Button type="button" variant="secondary" disabled={pending} onClick={() => run(() => withdrawInvitationAction(businessId, invitation.id))}>
        {t("settings.withdraw", { email: invitation.email })}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}

"use client";
// An owner's controls for one accountant (access level, revoke) or one pending invitation (withdraw).
import { useTranslations } from "next-intl";
import { changeAccountantAccessAction, revokeAccountantAction, withdrawInvitationAction } from "@/lib/features/accountant/actions";
import { RowActionError, RowActions, useRowAction } from "@/components/forms/row-actions";
import { Button } from "@/components/ui/button";
import type { BusinessAccountantDto, BusinessInvitationDto } from "@/lib/features/accountant/accountant.types";

export function AccountantActions({ businessId, accountant }: { businessId: string; accountant: BusinessAccountantDto }) {
  const t = useTranslations("accountant");
  const { run, pending, error } = useRowAction();
  const selectId = `accountant-access-${accountant.membershipId}`;
  return (
    <RowActions error={error}>
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
      <Button
        type="button"
        variant="danger"
        disabled={pending}
        onClick={() => run(() => revokeAccountantAction(businessId, accountant.membershipId))}
      >
        {t("settings.revoke", { name: accountant.name })}
      </Button>
    </RowActions>
  );
}

export function WithdrawInvitationButton({ businessId, invitation }: { businessId: string; invitation: BusinessInvitationDto }) {
  const t = useTranslations("accountant");
  const { run, pending, error } = useRowAction();
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() => run(() => withdrawInvitationAction(businessId, invitation.id))}
      >
        {t("settings.withdraw", { email: invitation.email })}
      </Button>
      <RowActionError error={error} />
    </>
  );
}

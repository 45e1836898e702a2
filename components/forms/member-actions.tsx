"use client";
// Role change and removal of one member, for owners.
import { useTranslations } from "next-intl";
import { changeMemberRoleAction, removeMemberAction } from "@/lib/features/businesses/actions";
import { RowActions, useRowAction } from "@/components/forms/row-actions";
import { Button } from "@/components/ui/button";
import type { MemberDto } from "@/lib/features/members/member.types";

export function MemberActions({ businessId, member }: { businessId: string; member: MemberDto }) {
  const t = useTranslations("members");
  const { run, pending, error } = useRowAction();
  if (member.role === "ACCOUNTANT") return null;
  return (
    <RowActions error={error}>
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() => run(() => changeMemberRoleAction(businessId, member.id, member.role === "OWNER" ? "MEMBER" : "OWNER"))}
      >
        {member.role === "OWNER" ? t("makeMember", { name: member.name }) : t("makeOwner", { name: member.name })}
      </Button>
      <Button type="button" variant="danger" disabled={pending} onClick={() => run(() => removeMemberAction(businessId, member.id))}>
        {t("remove", { name: member.name })}
      </Button>
    </RowActions>
  );
}

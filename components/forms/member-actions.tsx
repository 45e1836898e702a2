"use client";
// Role change and removal of one member, for owners.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { changeMemberRoleAction, removeMemberAction } from "@/app/(app)/businesses/actions";
import { useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import type { MemberDto } from "@/lib/members/member.types";

export function MemberActions({ businessId, member }: { businessId: string; member: MemberDto }) {
  const t = useTranslations("members");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run(action: () => ReturnType<typeof removeMemberAction>) {
    setPending(true);
    setError(null);
    const result = await action();
    setPending(false);
    if (!result.ok) setError(errorText(Object.values(result.error.fields)[0] ?? "validation.invalid") ?? null);
    else router.refresh();
  }

  if (member.role === "ACCOUNTANT") return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
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
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

"use client";
// Revokes one token after an inline confirmation (no browser dialog); the confirm
// button takes the focus, so Enter confirms and Tab reaches Cancel.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { revokeApiTokenAction } from "@/lib/features/api-tokens/actions";
import { Button } from "@/components/ui/button";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations("apiTokens");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function revoke() {
    setPending(true);
    setError(null);
    const result = await revokeApiTokenAction(tokenId);
    setPending(false);
    if (!result.ok) {
      setError(t("errorGeneric"));
      return;
    }
    setConfirming(false);
    router.refresh();
  }

  if (!confirming) {
    return (
      <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
        {t("revoke", { name })}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={t("revoke", { name })} className="space-y-2">
      <p className="text-sm text-slate-800">{t("revokeConfirm", { name })}</p>
      <div className="flex flex-wrap gap-2">
        <Button autoFocus type="button" variant="danger" disabled={pending} aria-busy={pending} onClick={revoke}>
          {pending ? t("revoking") : t("revokeYes", { name })}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
          {t("cancel")}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

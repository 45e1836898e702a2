"use client";
// Shown on every page of an account whose address is not verified yet: what it cannot do
// until then, and "send the link again" (rate-limited on the server).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { resendVerificationAction } from "@/lib/features/users/actions";
import { Button } from "@/components/ui/button";

export function VerifyEmailBanner({ email }: { email: string }) {
  const t = useTranslations("verification");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function resend() {
    setPending(true);
    setMessage(null);
    const result = await resendVerificationAction();
    setPending(false);
    if (result.ok) setMessage({ ok: true, text: t("resent") });
    else setMessage({ ok: false, text: result.error.code === "RATE_LIMITED" ? t("rateLimited") : t("invalidText") });
  }

  return (
    <section aria-label={t("pageTitle")} className="border-b border-amber-300 bg-amber-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3 text-sm text-amber-950">
        <p className="flex-1">{t("bannerText", { email })}</p>
        <Button type="button" variant="secondary" disabled={pending} onClick={resend}>
          {pending ? t("resending") : t("resend")}
        </Button>
        {message ? (
          <p role={message.ok ? "status" : "alert"} className={`w-full font-medium ${message.ok ? "text-green-800" : "text-red-700"}`}>
            {message.text}
          </p>
        ) : null}
      </div>
    </section>
  );
}

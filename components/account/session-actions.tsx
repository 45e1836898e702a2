"use client";
// The buttons of "Actieve sessies": log out one session, every other one, or all of them
// (then this browser is logged out too and goes to the login page).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { revokeAllSessionsAction, revokeSessionAction } from "@/lib/platform/auth/account-actions";
import { Button } from "@/components/ui/button";

function useSessionAction() {
  const router = useRouter();
  const t = useTranslations();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function run<T>(action: () => Promise<{ ok: true; data: T } | { ok: false }>, success: (data: T) => string) {
    setPending(true);
    setMessage(null);
    const result = await action();
    setPending(false);
    if (!result.ok) {
      setMessage({ ok: false, text: t("errors.genericText") });
      return null;
    }
    setMessage({ ok: true, text: success(result.data) });
    router.refresh();
    return result.data;
  }
  return { pending, message, run };
}

function Message({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message) return null;
  return (
    <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "font-medium text-green-800" : "text-red-700"}`}>
      {message.text}
    </p>
  );
}

export function RevokeSessionButton({ sessionId, device }: { sessionId: string; device: string }) {
  const t = useTranslations("security.sessions");
  const { pending, message, run } = useSessionAction();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        aria-label={t("logoutNamed", { device })}
        onClick={() =>
          run(
            () => revokeSessionAction(sessionId),
            () => t("ended"),
          )
        }
      >
        {t("logout")}
      </Button>
      <Message message={message} />
    </div>
  );
}

export function RevokeAllSessionsButtons() {
  const t = useTranslations("security.sessions");
  const { pending, message, run } = useSessionAction();
  async function everywhere() {
    const done = await run(
      () => revokeAllSessionsAction({ includingThis: true }),
      () => t("allEnded"),
    );
    if (done) await signOut({ callbackUrl: "/login" });
  }
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-3">
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            run(
              () => revokeAllSessionsAction({ includingThis: false }),
              ({ ended }) => t("othersEnded", { count: ended }),
            )
          }
        >
          {t("logoutOthers")}
        </Button>
        <Button type="button" variant="danger" disabled={pending} onClick={everywhere}>
          {t("logoutAll")}
        </Button>
      </div>
      <Message message={message} />
    </div>
  );
}

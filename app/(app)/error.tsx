"use client";
// The error page inside app/(app)/layout.tsx (issue #16): the app's header and its one
// <main id="main"> stay, and the message is a plain <div> in it, so a page has exactly one
// main landmark and the way around the app is kept. Errors in that layout itself still
// reach app/error.tsx, which has its own <main>.
import { useTranslations } from "next-intl";
import { StatusMessage } from "@/components/ui/status-message";

export default function AppErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  const retry = (
    <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
      {t("retry")}
    </button>
  );
  return <StatusMessage title={t("genericTitle")} text={t("genericText")} action={retry} asMain={false} />;
}

"use client";
// The error page at the root, with its own <main>: an error in a layout, or in a page
// outside app/(app)/. Errors inside app/(app)/ are app/(app)/error.tsx's (a <div> inside
// that layout's <main>).
import { useTranslations } from "next-intl";
import { StatusMessage } from "@/components/ui/status-message";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  const retry = (
    <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
      {t("retry")}
    </button>
  );
  return <StatusMessage title={t("genericTitle")} text={t("genericText")} action={retry} asMain={true} />;
}

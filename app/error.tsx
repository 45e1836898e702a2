"use client";
// The error page, with its own <main>. Known gap (issue #16): an error thrown inside
// app/(app)/ still renders this inside that layout's <main>; an app/(app)/error.tsx without
// one broke the no-JavaScript form posts of the invoice list (e2e/hardening.spec.ts).
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

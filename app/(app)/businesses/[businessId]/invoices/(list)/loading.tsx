// The list alone streams behind its skeleton ((list)/loading.tsx): an invoice page outside
// that boundary decides its status before anything is sent, so a missing invoice is a real 404.
import { getTranslations } from "next-intl/server";

export default async function InvoicesLoading() {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <p className="sr-only">{t("loading")}</p>
      <div aria-hidden="true" className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div aria-hidden="true" className="h-24 animate-pulse rounded-lg bg-slate-200" />
      <div aria-hidden="true" className="h-64 animate-pulse rounded-lg bg-slate-200" />
    </div>
  );
}

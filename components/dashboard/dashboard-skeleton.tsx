// What shows while the dashboard's data loads (the page's Suspense fallback).
import { getTranslations } from "next-intl/server";

export async function DashboardSkeleton() {
  const t = await getTranslations("dashboard");
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <p className="sr-only">{t("loading")}</p>
      <div aria-hidden="true" className="h-10 w-48 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
      <div aria-hidden="true" className="grid gap-6 lg:grid-cols-2">
        <div className="h-56 animate-pulse rounded-lg bg-slate-200 motion-reduce:animate-none" />
        <div className="h-56 animate-pulse rounded-lg bg-slate-200 motion-reduce:animate-none" />
      </div>
      <div aria-hidden="true" className="h-80 animate-pulse rounded-lg bg-slate-200 motion-reduce:animate-none" />
      <div aria-hidden="true" className="h-72 animate-pulse rounded-lg bg-slate-200 motion-reduce:animate-none" />
    </div>
  );
}

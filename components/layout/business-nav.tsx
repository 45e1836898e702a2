// The tabs of one business's pages.
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function BusinessNav({
  businessId,
  current,
}: {
  businessId: string;
  current: "overview" | "invoices" | "purchases" | "vatReturn" | "settings";
}) {
  const [t, ti, tp, tv] = await Promise.all([
    getTranslations("nav"),
    getTranslations("invoices"),
    getTranslations("purchases"),
    getTranslations("vatReturn"),
  ]);
  const tabs = [
    { key: "overview", href: `/businesses/${businessId}`, label: t("overview") },
    { key: "invoices", href: `/businesses/${businessId}/invoices`, label: ti("tab") },
    { key: "purchases", href: `/businesses/${businessId}/purchases`, label: tp("tab") },
    { key: "vatReturn", href: `/businesses/${businessId}/vat-return`, label: tv("tab") },
    { key: "settings", href: `/businesses/${businessId}/settings`, label: t("settings") },
  ] as const;
  return (
    <nav aria-label={t("main")} className="flex gap-2 overflow-x-auto border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
            tab.key === current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-slate-900"
          }`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

"use client";
// The import area's tabs: one link per kind of import, each its own page (CSV at
// `import`, bank statements at `import/bank`, e-invoices at `import/e-invoices`). Links,
// not a tab widget: each is a route, reached and left with Tab and Enter like any link;
// the current one says so with aria-current.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

export function ImportTabs({ businessId }: { businessId: string }) {
  const t = useTranslations("importCsv.tabs");
  const pathname = usePathname();
  const base = `/businesses/${businessId}/import`;
  const tabs = [
    { href: base, label: t("csv") },
    { href: `${base}/bank`, label: t("bank") },
    { href: `${base}/e-invoices`, label: t("eInvoices") },
  ];
  return (
    <nav aria-label={t("label")} className="border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-1">
        {tabs.map((tab) => {
          const current = pathname === tab.href;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded-t-md border px-4 py-2 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${
                  current
                    ? "border-slate-200 border-b-white bg-white text-brand-800"
                    : "border-transparent text-slate-700 underline-offset-4 hover:text-brand-700 hover:underline"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

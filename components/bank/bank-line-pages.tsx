// The review page's navigation: the status filters with their counts, and the pages of
// the chosen filter ("Regels 201–400 van 1.234", previous and next). Plain links with the
// filter and page in the address, so every view can be bookmarked, reloaded and reached by
// keyboard; the current one is marked with aria-current.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { INCOMING_FILTERS, type BankLineCounts } from "@/lib/features/bank/bank-import.types";

export type BankLineView = (typeof INCOMING_FILTERS)[number];

const LINK = "rounded-md border px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";

export function bankLinesHref(businessId: string, filter: BankLineView, page = 1): string {
  const query = new URLSearchParams({ status: filter, ...(page > 1 ? { page: String(page) } : {}) });
  return `/businesses/${businessId}/import/bank?${query}`;
}

export function BankLineFilters({ businessId, filter, counts }: { businessId: string; filter: BankLineView; counts: BankLineCounts }) {
  const t = useTranslations("bank.page");
  return (
    <nav aria-label={t("filterLabel")}>
      <ul className="flex flex-wrap gap-2">
        {INCOMING_FILTERS.map((option) => (
          <li key={option}>
            <Link
              href={bankLinesHref(businessId, option)}
              aria-current={option === filter ? "page" : undefined}
              className={`${LINK} inline-block ${option === filter ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-300"}`}
            >
              {t(`filter.${option}`, { count: counts[option] })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type PagesProps = { businessId: string; filter: BankLineView; page: number; pageSize: number; total: number; pages: number };

export function BankLinePages({ businessId, filter, page, pageSize, total, pages }: PagesProps) {
  const t = useTranslations("bank.page");
  if (total === 0) return null;
  const from = Math.min(total, (page - 1) * pageSize + 1);
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label={t("pagesLabel")} className="flex flex-wrap items-center justify-between gap-2">
      <p className="text-sm text-slate-700">{page > pages ? t("pageOf", { page, pages }) : t("range", { from, to, total })}</p>
      {pages > 1 ? (
        <ul className="flex gap-2">
          <li>
            {page > 1 ? (
              <Link
                href={bankLinesHref(businessId, filter, Math.min(page - 1, pages))}
                rel="prev"
                className={`${LINK} inline-block border-slate-300`}
              >
                {t("previous")}
              </Link>
            ) : null}
          </li>
          <li>
            {page < pages ? (
              <Link href={bankLinesHref(businessId, filter, page + 1)} rel="next" className={`${LINK} inline-block border-slate-300`}>
                {t("next")}
              </Link>
            ) : null}
          </li>
        </ul>
      ) : null}
    </nav>
  );
}

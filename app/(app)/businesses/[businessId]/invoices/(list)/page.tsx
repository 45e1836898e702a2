import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { deleteInvoiceFormAction, restoreInvoiceFormAction } from "@/lib/features/invoices/actions";
import { formatCents, formatDate, toLanguage } from "@/lib/platform/i18n/format";
import { KorBadge } from "@/components/invoices/kor-badge";
import { queryString, readListQuery, type SearchParams } from "@/components/invoices/list-query";
import { SubmitButton } from "@/components/invoices/submit-button";
import { BusinessNav } from "@/components/layout/business-nav";
import { linkButtonClass } from "@/components/ui/button";
import { getBusinessForPage } from "@/lib/platform/auth/page-guards";
import { canWrite } from "@/lib/features/businesses/access";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { listInvoices } from "@/lib/features/invoices/list-invoices";
import { CATEGORY_LIST, CATEGORIES } from "@/lib/kor";
import { dateTimeFormat } from "@/lib/platform/i18n/intl-format";
import { Card } from "@/components/ui/card";

type Props = { params: Promise<{ businessId: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { business } = await getBusinessForPage((await params).businessId);
  return { title: (await getTranslations("invoices"))("title", { name: business.name }) };
}

const SORTABLE = [
  { key: "number", label: "number" },
  { key: "date", label: "date" },
  { key: "customer", label: "customer" },
] as const;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function InvoicesPage({ params, searchParams }: Props) {
  const { user, business } = await getBusinessForPage((await params).businessId);
  const search = await searchParams;
  const thisYear = Number(amsterdamToday().slice(0, 4));
  const { query, raw } = readListQuery(search, thisYear);
  const caller = { userId: user.id };
  const [t, tEu, locale, result] = await Promise.all([
    getTranslations("invoices"),
    getTranslations("euKorReport"),
    getLocale(),
    listInvoices({ caller, businessId: business.id, query }),
  ]);
  const language = toLanguage(locale);
  const base = `/businesses/${business.id}/invoices`;
  const here = `${base}${queryString(raw)}`;
  const writable = canWrite(business);
  const deletedView = query.deleted === "only";
  const year = query.year ?? thisYear;
  const filtered = Boolean(query.q || query.category || query.counted || query.month);
  // Only when the list is empty: does the business have any invoice at all?
  const businessIsEmpty =
    result.page.totalItems === 0 &&
    !deletedView &&
    (await listInvoices({ caller, businessId: business.id, query: { pageSize: 1 } })).page.totalItems === 0;

  const status = first(search.status);
  const statusNumber = first(search.number) ?? "";
  const undoId = first(search.undo);
  const years = [...new Set([thisYear + 1, ...Array.from({ length: 6 }, (_, i) => thisYear - i), year])].sort((a, b) => b - a);

  const sortHeader = (key: "number" | "date" | "customer" | "category" | "netCents", label: string, align: "left" | "right" = "left") => {
    const active = query.sort === key;
    const nextDir = active && query.dir === "asc" ? "desc" : "asc";
    return (
      <th
        scope="col"
        aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
        className={`px-3 py-2 font-semibold ${align === "right" ? "text-right" : ""}`}
      >
        <Link
          href={`${base}${queryString(raw, { sort: key, dir: nextDir, page: undefined })}`}
          className="inline-flex items-center gap-1 whitespace-nowrap underline-offset-2 hover:underline"
        >
          {label}
          <span aria-hidden="true">{active ? (query.dir === "asc" ? "▲" : "▼") : "↕"}</span>
          <span className="sr-only">{t("sortBy")}</span>
        </Link>
      </th>
    );
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">
          {deletedView ? t("deletedHeading", { name: business.name }) : t("heading", { name: business.name })}
        </h1>
        {writable ? (
          <Link href={`${base}/new`} className={linkButtonClass}>
            {t("new")}
          </Link>
        ) : null}
      </div>
      <BusinessNav businessId={business.id} current="invoices" />

      <div aria-live="polite" role="status">
        {status === "created" || status === "updated" || status === "restored" || status === "deleted" ? (
          <div className="flex flex-wrap items-center gap-3 rounded-md bg-green-50 p-3 text-green-900 ring-1 ring-green-200">
            <p className="font-medium">{t(`status.${status}`, { number: statusNumber })}</p>
            {status === "deleted" && undoId && writable ? (
              <form action={restoreInvoiceFormAction}>
                <input type="hidden" name="businessId" value={business.id} />
                <input type="hidden" name="invoiceId" value={undoId} />
                <input type="hidden" name="returnTo" value={here} />
                <SubmitButton variant="secondary" pendingText={t("restoring")}>
                  {t("undo")}
                </SubmitButton>
              </form>
            ) : null}
          </div>
        ) : null}
      </div>

      {businessIsEmpty ? (
        <section className="rounded-lg border-2 border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="mb-2 text-lg font-semibold">{t("emptyTitle")}</h2>
          <p className="mx-auto mb-4 max-w-prose text-slate-700">{t("emptyText")}</p>
          {writable ? (
            <Link href={`${base}/new`} className={linkButtonClass}>
              {t("createFirst")}
            </Link>
          ) : null}
        </section>
      ) : (
        <>
          <Card
            as="form"
            padding="compact"
            className="grid gap-3 sm:grid-cols-2 lg:grid-cols-7"
            method="get"
            action={base}
            role="search"
            aria-label={t("filtersLabel")}
          >
            <div className="lg:col-span-2">
              <label htmlFor="invoice-q" className="block text-sm font-medium">
                {t("search")}
              </label>
              <input
                id="invoice-q"
                type="search"
                name="q"
                defaultValue={query.q ?? ""}
                aria-describedby="invoice-q-hint"
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
              />
              <p id="invoice-q-hint" className="mt-1 text-xs text-slate-600">
                {t("searchHint")}
              </p>
            </div>
            <div>
              <label htmlFor="invoice-year" className="block text-sm font-medium">
                {t("year")}
              </label>
              <select
                id="invoice-year"
                name="year"
                defaultValue={String(year)}
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
              >
                {years.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="invoice-month" className="block text-sm font-medium">
                {t("month")}
              </label>
              <select
                id="invoice-month"
                name="month"
                defaultValue={query.month ? String(query.month) : ""}
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
              >
                <option value="">{t("allMonths")}</option>
                {Array.from({ length: 12 }, (_, index) => index + 1).map((month) => (
                  <option key={month} value={month}>
                    {dateTimeFormat(language === "en" ? "en-GB" : "nl-NL", { month: "long", timeZone: "UTC" }).format(
                      new Date(Date.UTC(2000, month - 1, 1)),
                    )}
                  </option>
                ))}
              </select>
            </div>
            <div className="lg:col-span-2">
              <label htmlFor="invoice-category" className="block text-sm font-medium">
                {t("category")}
              </label>
              <select
                id="invoice-category"
                name="category"
                defaultValue={query.category ?? ""}
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
              >
                <option value="">{t("allCategories")}</option>
                {CATEGORY_LIST.map((info) => (
                  <option key={info.code} value={info.code}>
                    {info.label[language]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="invoice-counted" className="block text-sm font-medium">
                {t("counted")}
              </label>
              <select
                id="invoice-counted"
                name="counted"
                defaultValue={query.counted ?? ""}
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
              >
                <option value="">{t("countedAll")}</option>
                <option value="yes">{t("countedYes")}</option>
                <option value="no">{t("countedNo")}</option>
              </select>
            </div>
            {query.sort !== "date" ? <input type="hidden" name="sort" value={query.sort} /> : null}
            {query.dir !== "desc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
            {deletedView ? <input type="hidden" name="deleted" value="only" /> : null}
            <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-7">
              <button type="submit" className={linkButtonClass}>
                {t("filter")}
              </button>
              <Link
                href={`${base}${queryString({ year: String(year), ...(deletedView ? { deleted: "only" } : {}) })}`}
                className="text-sm font-medium text-brand-700 underline"
              >
                {t("clearFilters")}
              </Link>
              <Link
                href={`${base}${queryString(raw, { deleted: deletedView ? undefined : "only", page: undefined })}`}
                className="text-sm font-medium text-brand-700 underline"
              >
                {deletedView ? t("showActive") : t("showDeleted")}
              </Link>
              <a
                href={`${base}/export${queryString(raw, { page: undefined })}`}
                className="ml-auto text-sm font-medium text-brand-700 underline"
                download
              >
                {t("exportCsv")}
              </a>
              <a
                href={`${base}/export${queryString(raw, { page: undefined, format: "excel-nl" })}`}
                className="text-sm font-medium text-brand-700 underline"
                download
              >
                {t("exportExcelNl")}
              </a>
              <a href={`${base}/statement?year=${year}`} className="text-sm font-medium text-brand-700 underline" download>
                {t("exportStatement", { year })}
              </a>
              <a href={`${base}/statement/pdf?year=${year}`} className="text-sm font-medium text-brand-700 underline" download>
                {t("exportStatementPdf", { year })}
              </a>
              <Link href={`${base}/eu-kor?year=${year}`} className="text-sm font-medium text-brand-700 underline">
                {tEu("link", { year })}
              </Link>
            </div>
          </Card>

          <Card as="section" padding="compact" className="text-sm" aria-labelledby="totals-title">
            <h2 id="totals-title" className="sr-only">
              {t("totalsTitle")}
            </h2>
            <dl className="flex flex-wrap gap-x-8 gap-y-2">
              <div>
                <dt className="text-slate-600">{t("totalCount")}</dt>
                <dd className="text-lg font-semibold">{result.totals.count}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("totalNet")}</dt>
                <dd className="text-lg font-semibold">{formatCents(result.totals.netCents, language)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("totalVat")}</dt>
                <dd className="text-lg font-semibold">{formatCents(result.totals.vatCents, language)}</dd>
              </div>
            </dl>
          </Card>

          {result.data.length === 0 ? (
            <section className="rounded-lg border-2 border-dashed border-slate-300 bg-white p-8 text-center">
              <p className="mb-3 text-slate-700">{deletedView ? t("noDeleted") : filtered ? t("noResults") : t("noneInYear", { year })}</p>
              {filtered ? (
                <Link
                  href={`${base}${queryString({ year: String(year), ...(deletedView ? { deleted: "only" } : {}) })}`}
                  className="font-medium text-brand-700 underline"
                >
                  {t("clearFilters")}
                </Link>
              ) : null}
            </section>
          ) : (
            <Card
              padding="none"
              className="relative overflow-x-auto max-sm:overflow-visible"
              role="region"
              aria-labelledby="invoice-table-caption"
              tabIndex={0}
            >
              <table className="stack-table w-full min-w-[52rem] text-left text-sm">
                <caption id="invoice-table-caption" className="sr-only">
                  {t("tableCaption", { year, page: result.page.number, pages: result.page.totalPages })}
                </caption>
                <thead className="border-b border-slate-200 bg-slate-50">
                  <tr>
                    {SORTABLE.map((column) => sortHeader(column.key, t(`columns.${column.label}`)))}
                    {sortHeader("category", t("columns.category"))}
                    {sortHeader("netCents", t("columns.net"), "right")}
                    <th scope="col" className="px-3 py-2 text-right font-semibold">
                      {t("columns.vat")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      {t("columns.kor")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      {t("columns.actions")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.data.map((invoice) => (
                    <tr key={invoice.id} className="border-b border-slate-100 align-top">
                      <th scope="row" className="px-3 py-2 font-medium">
                        <Link href={`${base}/${invoice.id}`} className="text-brand-700 underline">
                          {invoice.number}
                        </Link>
                        {invoice.kind !== "invoice" ? (
                          <span className="block text-xs font-normal text-slate-600">{t(`kind.${invoice.kind}`)}</span>
                        ) : null}
                      </th>
                      <td data-label={t("columns.date")} className="whitespace-nowrap px-3 py-2">
                        {formatDate(invoice.date, language)}
                      </td>
                      <td data-label={t("columns.customer")} className="px-3 py-2">
                        {invoice.customer.name}
                        {invoice.description ? <span className="block max-w-xs text-xs text-slate-600">{invoice.description}</span> : null}
                      </td>
                      <td data-label={t("columns.category")} className="px-3 py-2">
                        {CATEGORIES[invoice.category].label[language]}
                        {invoice.country ? <span className="text-slate-600"> ({invoice.country})</span> : null}
                      </td>
                      <td data-label={t("columns.net")} className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                        {formatCents(invoice.netCents, language)}
                      </td>
                      <td data-label={t("columns.vat")} className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                        {formatCents(invoice.vatCents, language)}
                      </td>
                      <td data-label={t("columns.kor")} className="px-3 py-2">
                        <KorBadge kor={invoice.kor} language={language} number={invoice.number} />
                      </td>
                      <td className="px-3 py-2 max-sm:justify-end">
                        {writable ? (
                          <div className="flex gap-2">
                            {deletedView ? (
                              <form action={restoreInvoiceFormAction}>
                                <input type="hidden" name="businessId" value={business.id} />
                                <input type="hidden" name="invoiceId" value={invoice.id} />
                                <input type="hidden" name="returnTo" value={here} />
                                <SubmitButton
                                  variant="secondary"
                                  pendingText={t("restoring")}
                                  aria-label={t("restoreLabel", { number: invoice.number })}
                                >
                                  {t("restore")}
                                </SubmitButton>
                              </form>
                            ) : (
                              <>
                                <Link
                                  href={`${base}/${invoice.id}/edit`}
                                  aria-label={t("editLabel", { number: invoice.number })}
                                  className="inline-flex items-center rounded-md border border-slate-300 px-3 py-2 text-sm font-semibold hover:bg-slate-100"
                                >
                                  {t("edit")}
                                </Link>
                                <form action={deleteInvoiceFormAction}>
                                  <input type="hidden" name="businessId" value={business.id} />
                                  <input type="hidden" name="invoiceId" value={invoice.id} />
                                  <input type="hidden" name="returnTo" value={here} />
                                  <SubmitButton
                                    variant="danger"
                                    pendingText={t("deleting")}
                                    aria-label={t("deleteLabel", { number: invoice.number })}
                                  >
                                    {t("delete")}
                                  </SubmitButton>
                                </form>
                              </>
                            )}
                          </div>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          )}

          {result.page.totalPages > 1 ? (
            <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
              {result.page.number > 1 ? (
                <Link
                  href={`${base}${queryString(raw, { page: result.page.number - 1 })}`}
                  rel="prev"
                  className="font-medium text-brand-700 underline"
                >
                  {t("previous")}
                </Link>
              ) : (
                <span aria-hidden="true" />
              )}
              <span>{t("pageOf", { page: result.page.number, pages: result.page.totalPages })}</span>
              {result.page.number < result.page.totalPages ? (
                <Link
                  href={`${base}${queryString(raw, { page: result.page.number + 1 })}`}
                  rel="next"
                  className="font-medium text-brand-700 underline"
                >
                  {t("next")}
                </Link>
              ) : (
                <span aria-hidden="true" />
              )}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}

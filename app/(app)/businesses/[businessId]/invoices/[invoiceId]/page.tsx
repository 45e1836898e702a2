import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { deleteInvoiceFormAction, restoreInvoiceFormAction } from "@/lib/features/invoices/actions";
import { formatCents, formatDate, formatDateTime, toLanguage } from "@/lib/platform/i18n/format";
import { HistoryValue, fieldLabelKey } from "@/components/invoices/history-value";
import { KorBadge } from "@/components/invoices/kor-badge";
import { SubmitButton } from "@/components/invoices/submit-button";
import { BusinessNav } from "@/components/layout/business-nav";
import { linkButtonClass } from "@/components/ui/button";
import { getBusinessForPage } from "@/lib/platform/auth/page-guards";
import { canWrite } from "@/lib/features/businesses/access";
import { isAppError } from "@/lib/platform/errors";
import { getInvoice } from "@/lib/features/invoices/get-invoice";
import { listInvoiceHistory } from "@/lib/features/invoices/list-invoice-history";
import { withClassification } from "@/lib/features/invoices/list-invoices";
import { CATEGORIES } from "@/lib/kor";
import { Card } from "@/components/ui/card";

type Props = { params: Promise<{ businessId: string; invoiceId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invoices"))("detailPageTitle") };
}

const orNotFound = (error: unknown): never => {
  if (isAppError(error) && error.code === "NOT_FOUND") notFound();
  throw error;
};

export default async function InvoicePage({ params }: Props) {
  const { businessId, invoiceId } = await params;
  const { user, business } = await getBusinessForPage(businessId);
  const caller = { userId: user.id };
  const [invoice, history, t, locale] = await Promise.all([
    getInvoice({ caller, businessId: business.id, invoiceId, includeDeleted: true }).catch(orNotFound),
    listInvoiceHistory({ caller, businessId: business.id, invoiceId }).catch(orNotFound),
    getTranslations("invoices"),
    getLocale(),
  ]);
  const language = toLanguage(locale);
  const row = withClassification(invoice);
  const base = `/businesses/${business.id}/invoices`;
  const writable = canWrite(business);
  const listHref = `${base}?year=${invoice.date.slice(0, 4)}`;
  const dash = t("none");

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{t("detailTitle", { number: invoice.number })}</h1>
        {writable && !invoice.deletedAt ? (
          <div className="flex flex-wrap gap-2">
            <Link href={`${base}/${invoice.id}/edit`} className={linkButtonClass}>
              {t("edit")}
            </Link>
            <form action={deleteInvoiceFormAction}>
              <input type="hidden" name="businessId" value={business.id} />
              <input type="hidden" name="invoiceId" value={invoice.id} />
              <input type="hidden" name="returnTo" value={listHref} />
              <SubmitButton variant="danger" pendingText={t("deleting")}>
                {t("delete")}
              </SubmitButton>
            </form>
          </div>
        ) : null}
      </div>
      <BusinessNav businessId={business.id} current="invoices" />
      <Link href={listHref} className="text-sm font-medium text-brand-700 underline">
        {t("backToList")}
      </Link>

      {invoice.deletedAt ? (
        <div role="status" className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 p-3 text-amber-900 ring-1 ring-amber-200">
          <p className="font-medium">{t("isDeleted")}</p>
          {writable ? (
            <form action={restoreInvoiceFormAction}>
              <input type="hidden" name="businessId" value={business.id} />
              <input type="hidden" name="invoiceId" value={invoice.id} />
              <input type="hidden" name="returnTo" value={listHref} />
              <SubmitButton variant="secondary" pendingText={t("restoring")}>
                {t("restore")}
              </SubmitButton>
            </form>
          ) : null}
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card as="section" aria-labelledby="invoice-details">
          <h2 id="invoice-details" className="mb-3 text-lg font-semibold">
            {t("detailsTitle")}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">{t("fields.kind")}</dt>
            <dd>{t(`kind.${invoice.kind}`)}</dd>
            <dt className="text-slate-600">{t("fields.date")}</dt>
            <dd>{formatDate(invoice.date, language, "long")}</dd>
            <dt className="text-slate-600">{t("fields.customer.name")}</dt>
            <dd>
              {invoice.customer.name}
              {invoice.customer.country ? ` (${invoice.customer.country})` : ""}
              {invoice.customer.type ? ` — ${t(`customerType.${invoice.customer.type}`)}` : ""}
              {invoice.customer.vatId ? ` — ${invoice.customer.vatId}` : ""}
            </dd>
            <dt className="text-slate-600">{t("fields.description")}</dt>
            <dd>{invoice.description ?? dash}</dd>
            <dt className="text-slate-600">{t("fields.category")}</dt>
            <dd>
              {CATEGORIES[invoice.category].label[language]}
              {invoice.country ? ` (${invoice.country})` : ""}
              {invoice.ancillary ? ` — ${t("fields.ancillary")}` : ""}
            </dd>
            <dt className="text-slate-600">{t("fields.netCents")}</dt>
            <dd className="tabular-nums">{formatCents(invoice.netCents, language)}</dd>
            <dt className="text-slate-600">{t("fields.vatCents")}</dt>
            <dd className="tabular-nums">{formatCents(invoice.vatCents, language)}</dd>
            {invoice.currency !== "EUR" ? (
              <>
                <dt className="text-slate-600">{t("fields.foreignCents")}</dt>
                <dd className="tabular-nums">
                  {invoice.foreignCents !== null ? `${invoice.currency} ${(invoice.foreignCents / 100).toFixed(2)}` : dash}
                  {invoice.exchangeRate !== null ? ` — ${t("rateUsed", { currency: invoice.currency, rate: invoice.exchangeRate })}` : ""}
                </dd>
              </>
            ) : null}
            {invoice.creditsInvoiceId ? (
              <>
                <dt className="text-slate-600">{t("fields.creditsInvoiceId")}</dt>
                <dd>
                  <Link href={`${base}/${invoice.creditsInvoiceId}`} className="text-brand-700 underline">
                    {t("correctedInvoice")}
                  </Link>
                </dd>
              </>
            ) : null}
            <dt className="text-slate-600">{t("columns.kor")}</dt>
            <dd>
              <KorBadge kor={row.kor} language={language} number={invoice.number} />
            </dd>
          </dl>
        </Card>

        <Card as="section" aria-labelledby="invoice-history">
          <h2 id="invoice-history" className="mb-3 text-lg font-semibold">
            {t("historyTitle")}
          </h2>
          <ol className="space-y-4">
            {history.map((entry) => (
              <li key={entry.id} className="border-l-4 border-slate-200 pl-3">
                <p className="text-sm">
                  <strong>{t(`action.${entry.action.replace("invoice.", "")}`)}</strong>{" "}
                  {t("byAt", { name: entry.actorName ?? t("unknownUser"), at: formatDateTime(entry.at, language) })}
                </p>
                {entry.changes.length > 0 && entry.action !== "invoice.create" ? (
                  <div className="mt-2 overflow-x-auto">
                    <table className="w-full text-left text-sm">
                      <caption className="sr-only">{t("changesCaption")}</caption>
                      <thead>
                        <tr className="border-b border-slate-200">
                          <th scope="col" className="py-1 pr-3">
                            {t("changeField")}
                          </th>
                          <th scope="col" className="py-1 pr-3">
                            {t("changeBefore")}
                          </th>
                          <th scope="col" className="py-1">
                            {t("changeAfter")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {entry.changes.map((change) => (
                          <tr key={change.field} className="border-b border-slate-100 align-top">
                            <th scope="row" className="py-1 pr-3 font-normal text-slate-600">
                              {t(fieldLabelKey(change.field))}
                            </th>
                            <td className="py-1 pr-3">
                              <HistoryValue field={change.field} value={change.before} language={language} />
                            </td>
                            <td className="py-1">
                              <HistoryValue field={change.field} value={change.after} language={language} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </div>
  );
}

// A business's purchases of one year (issue #20): the list with totals, the form to add
// one, the CSV import and the import of received e-invoices (UBL). Their VAT feeds the VAT
// return and the KOR comparison.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EInvoiceWizard } from "@/components/import/e-invoice-wizard";
import { BusinessNav } from "@/components/layout/business-nav";
import { PurchaseImport } from "@/components/purchases/purchase-import";
import { PurchaseList } from "@/components/purchases/purchase-list";
import { Card } from "@/components/ui/card";
import { getBusinessForPage } from "@/lib/platform/auth/page-guards";
import { canWrite } from "@/lib/features/businesses/access";
import { parseYearParam } from "@/lib/features/dashboard/get-dashboard";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { listPurchases } from "@/lib/features/purchases/list-purchases";
import { PURCHASE_VAT_CHOICES } from "@/lib/features/purchases/purchase-ubl-rows";

type Props = { params: Promise<{ businessId: string }>; searchParams: Promise<{ year?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { business } = await getBusinessForPage((await params).businessId);
  return { title: (await getTranslations("purchases"))("title", { name: business.name }) };
}

/** The treatments a received e-invoice's row can be given, in both languages (the wizard shows the user's). */
async function vatChoices() {
  const [nl, en] = await Promise.all(
    (["nl", "en"] as const).map((locale) => getTranslations({ locale, namespace: "purchases.eInvoices.choice" })),
  );
  return PURCHASE_VAT_CHOICES.map((code) => ({ code, label: { nl: nl!(code), en: en!(code) } }));
}

export default async function PurchasesPage({ params, searchParams }: Props) {
  const { user, business } = await getBusinessForPage((await params).businessId);
  const year = parseYearParam((await searchParams).year);
  const [t, list, choices] = await Promise.all([
    getTranslations("purchases"),
    listPurchases({ caller: { userId: user.id }, businessId: business.id, query: { year } }),
    vatChoices(),
  ]);
  const today = amsterdamToday();
  const writable = canWrite(business);
  const base = `/businesses/${business.id}/purchases`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("heading", { year })}</h1>
      <BusinessNav businessId={business.id} current="purchases" />
      <p className="max-w-3xl text-slate-700">{t("intro")}</p>
      <nav aria-label={t("heading", { year })} className="flex flex-wrap gap-4 text-sm">
        <Link href={`${base}?year=${year - 1}`} className="font-medium text-brand-700 underline">
          {t("previousYear", { year: year - 1 })}
        </Link>
        <Link href={`${base}?year=${year + 1}`} className="font-medium text-brand-700 underline">
          {t("nextYear", { year: year + 1 })}
        </Link>
      </nav>
      <PurchaseList
        businessId={business.id}
        year={year}
        today={year === Number(today.slice(0, 4)) ? today : `${year}-01-01`}
        list={list}
        canWrite={writable}
      />
      {writable ? <PurchaseImport businessId={business.id} /> : null}
      {writable ? (
        <Card as="section" aria-labelledby="purchase-e-invoices-title">
          <h2 id="purchase-e-invoices-title" className="mb-2 text-lg font-semibold">
            {t("eInvoices.title")}
          </h2>
          <p className="mb-4 text-sm text-slate-600">{t("eInvoices.intro")}</p>
          <EInvoiceWizard businessId={business.id} categories={choices} kind="purchases" />
        </Card>
      ) : null}
    </div>
  );
}

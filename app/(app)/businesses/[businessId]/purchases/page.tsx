// A business's purchases of one year (issue #20): the list with totals, the form to add
// one, and the CSV import. Their VAT feeds the VAT return and the KOR comparison.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BusinessNav } from "@/components/layout/business-nav";
import { PurchaseImport } from "@/components/purchases/purchase-import";
import { PurchaseList } from "@/components/purchases/purchase-list";
import { getBusinessForPage } from "@/lib/auth/page-guards";
import { canWrite } from "@/lib/businesses/access";
import { parseYearParam } from "@/lib/dashboard/get-dashboard";
import { amsterdamToday } from "@/lib/dates/amsterdam-today";
import { listPurchases } from "@/lib/purchases/list-purchases";

type Props = { params: Promise<{ businessId: string }>; searchParams: Promise<{ year?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { business } = await getBusinessForPage((await params).businessId);
  return { title: (await getTranslations("purchases"))("title", { name: business.name }) };
}

export default async function PurchasesPage({ params, searchParams }: Props) {
  const { user, business } = await getBusinessForPage((await params).businessId);
  const year = parseYearParam((await searchParams).year);
  const [t, list] = await Promise.all([
    getTranslations("purchases"),
    listPurchases({ caller: { userId: user.id }, businessId: business.id, query: { year } }),
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
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loadFormProps } from "@/components/invoices/form-props";
import { InvoiceForm } from "@/components/invoices/invoice-form";
import { BusinessNav } from "@/components/layout/business-nav";
import { getBusinessForPage } from "@/lib/platform/auth/page-guards";
import { canWrite } from "@/lib/features/businesses/access";
import { suggestInvoiceNumber } from "@/lib/features/invoices/suggest-invoice-number";
import { Card } from "@/components/ui/card";

type Props = { params: Promise<{ businessId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invoiceForm"))("newTitle") };
}

export default async function NewInvoicePage({ params }: Props) {
  const { user, business } = await getBusinessForPage((await params).businessId);
  // A read-only member sees the list, not a form the server would refuse.
  if (!canWrite(business)) notFound();
  const caller = { userId: user.id };
  const { today, creditTargets, initialAdvice } = await loadFormProps(caller, business.id);
  const [t, suggestedNumber] = await Promise.all([
    getTranslations("invoiceForm"),
    suggestInvoiceNumber({ caller, businessId: business.id, year: Number(today.slice(0, 4)) }),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <BusinessNav businessId={business.id} current="invoices" />
      <Card as="section" padding="responsive">
        <InvoiceForm
          businessId={business.id}
          suggestedNumber={suggestedNumber}
          today={today}
          initialAdvice={initialAdvice}
          creditTargets={creditTargets}
        />
      </Card>
    </div>
  );
}

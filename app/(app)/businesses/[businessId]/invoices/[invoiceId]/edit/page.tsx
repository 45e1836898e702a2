import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loadFormProps } from "@/components/invoices/form-props";
import { InvoiceForm } from "@/components/invoices/invoice-form";
import { BusinessNav } from "@/components/layout/business-nav";
import { getBusinessForPage } from "@/lib/platform/auth/page-guards";
import { canWrite } from "@/lib/features/businesses/access";
import { isAppError } from "@/lib/platform/errors";
import { getInvoice } from "@/lib/features/invoices/get-invoice";
import { Card } from "@/components/ui/card";

type Props = { params: Promise<{ businessId: string; invoiceId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invoiceForm"))("editPageTitle") };
}

export default async function EditInvoicePage({ params }: Props) {
  const { businessId, invoiceId } = await params;
  const { user, business } = await getBusinessForPage(businessId);
  if (!canWrite(business)) notFound();
  const caller = { userId: user.id };
  const invoice = await getInvoice({ caller, businessId: business.id, invoiceId }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, { today, creditTargets, initialAdvice }] = await Promise.all([
    getTranslations("invoiceForm"),
    loadFormProps(caller, business.id, invoice),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("editTitle", { number: invoice.number })}</h1>
      <BusinessNav businessId={business.id} current="invoices" />
      <Card as="section" padding="responsive">
        <InvoiceForm businessId={business.id} invoice={invoice} today={today} initialAdvice={initialAdvice} creditTargets={creditTargets} />
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportWizard } from "@/components/import/import-wizard";
import { getBusinessForPage } from "@/lib/platform/auth/page-guards";
import { CATEGORIES, CATEGORY_CODES } from "@/lib/kor";
import { Card } from "@/components/ui/card";

type Props = { params: Promise<{ businessId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { business } = await getBusinessForPage((await params).businessId);
  return { title: `${(await getTranslations("importCsv"))("title")} · ${business.name}` };
}

export default async function ImportPage({ params }: Props) {
  const { business } = await getBusinessForPage((await params).businessId);
  const t = await getTranslations("importCsv");
  const categories = CATEGORY_CODES.map((code) => ({ code, label: CATEGORIES[code].label }));
  return (
    <Card as="section" aria-labelledby="import-title">
      <h2 id="import-title" className="mb-2 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      {business.role === "ACCOUNTANT" && business.access === "READ_ONLY" ? (
        <p>{t("readOnly")}</p>
      ) : (
        <ImportWizard businessId={business.id} categories={categories} />
      )}
    </Card>
  );
}

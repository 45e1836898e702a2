import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { BankStatementImport } from "@/components/bank/bank-statement-import";
import { getBusinessForPage } from "@/lib/auth/page-guards";
import { listBankCandidates } from "@/lib/bank/list-bank-lines";
import { CATEGORIES } from "@/lib/kor/categories";
import { CATEGORY_CODES } from "@/lib/kor/types";
import { Card } from "@/components/ui/card";

type Props = { params: Promise<{ businessId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { business } = await getBusinessForPage((await params).businessId);
  return { title: `${(await getTranslations("bank.page"))("title")} · ${business.name}` };
}

export default async function BankImportPage({ params }: Props) {
  const { user, business } = await getBusinessForPage((await params).businessId);
  const t = await getTranslations("bank.page");
  const language = (await getLocale()) === "en" ? "en" : "nl";
  const categories = CATEGORY_CODES.map((code) => ({
    code,
    label: CATEGORIES[code].label[language],
    needsCountry: CATEGORIES[code].needsCountry,
  }));
  const { data } = await listBankCandidates({
    caller: { userId: user.id },
    businessId: business.id,
    query: { status: "incoming", pageSize: 200 },
  });
  return (
    <Card as="section" padding="responsive" aria-labelledby="bank-import-title">
      <h2 id="bank-import-title" className="mb-2 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <BankStatementImport
        businessId={business.id}
        categories={categories}
        initialLines={data}
        readOnly={business.role === "ACCOUNTANT" && business.access === "READ_ONLY"}
      />
    </Card>
  );
}

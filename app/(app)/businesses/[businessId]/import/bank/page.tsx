import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { BankStatementImport } from "@/components/bank/bank-statement-import";
import { getBusinessForPage } from "@/lib/platform/auth/page-guards";
import { listBankCandidates } from "@/lib/features/bank/list-bank-lines";
import { CATEGORIES, CATEGORY_CODES } from "@/lib/kor";
import { Card } from "@/components/ui/card";
import type { BankLineView } from "@/components/bank/bank-line-pages";
import { BANK_LINES_MAX_PAGE_SIZE, INCOMING_FILTERS } from "@/lib/features/bank/bank-import.types";

type Props = { params: Promise<{ businessId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The filter and page in the address; anything else is the first page of every incoming line. */
function viewOf(query: Record<string, string | string[] | undefined>): { filter: BankLineView; page: number } {
  const status = typeof query.status === "string" ? query.status : "";
  const filter = (INCOMING_FILTERS as readonly string[]).includes(status) ? (status as BankLineView) : "incoming";
  const page = typeof query.page === "string" && /^[1-9]\d{0,4}$/.test(query.page) ? Number(query.page) : 1;
  return { filter, page };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { business } = await getBusinessForPage((await params).businessId);
  return { title: `${(await getTranslations("bank.page"))("title")} · ${business.name}` };
}

export default async function BankImportPage({ params, searchParams }: Props) {
  const { user, business } = await getBusinessForPage((await params).businessId);
  const t = await getTranslations("bank.page");
  const language = (await getLocale()) === "en" ? "en" : "nl";
  const categories = CATEGORY_CODES.map((code) => ({
    code,
    label: CATEGORIES[code].label[language],
    needsCountry: CATEGORIES[code].needsCountry,
  }));
  const { filter, page } = viewOf(await searchParams);
  const initial = await listBankCandidates({
    caller: { userId: user.id },
    businessId: business.id,
    query: { status: filter, page, pageSize: BANK_LINES_MAX_PAGE_SIZE },
  });
  return (
    <Card as="section" padding="responsive" aria-labelledby="bank-import-title">
      <h2 id="bank-import-title" className="mb-2 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <BankStatementImport
        // A new filter or page starts from the lines read here, not from the last view's.
        key={`${filter}:${page}`}
        businessId={business.id}
        categories={categories}
        filter={filter}
        initial={initial}
        readOnly={business.role === "ACCOUNTANT" && business.access === "READ_ONLY"}
      />
    </Card>
  );
}

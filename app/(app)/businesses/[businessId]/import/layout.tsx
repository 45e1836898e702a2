import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ImportTabs } from "@/components/import/import-tabs";
import { getBusinessForPage } from "@/lib/platform/auth/page-guards";

type Props = { params: Promise<{ businessId: string }>; children: ReactNode };

/** The import area: the business, the way back, and one tab per kind of import. */
export default async function ImportLayout({ params, children }: Props) {
  const { business } = await getBusinessForPage((await params).businessId);
  const t = await getTranslations("importCsv");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{business.name}</h1>
      <Link href={`/businesses/${business.id}`} className="text-sm font-medium text-brand-700 underline">
        {t("back")}
      </Link>
      <ImportTabs businessId={business.id} />
      {children}
    </div>
  );
}

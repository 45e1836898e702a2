// Every page of one business: an accountant sees whose books these are and at which
// level, with a way back to their client overview. Owners and members see nothing extra.
import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getBusinessForPage } from "@/lib/platform/auth/page-guards";

type Props = { children: ReactNode; params: Promise<{ businessId: string }> };

export default async function BusinessLayout({ children, params }: Props) {
  const { business } = await getBusinessForPage((await params).businessId);
  if (business.role !== "ACCOUNTANT") return children;
  const t = await getTranslations("accountant");
  return (
    <>
      <div
        role="note"
        aria-label={t("banner.text", { name: business.name, access: t(`access.${business.access}`) })}
        className="mb-6 flex flex-wrap items-center gap-3 rounded-md bg-indigo-50 px-4 py-3 text-sm text-indigo-950 ring-1 ring-indigo-300"
      >
        <span className="font-medium">{t("banner.text", { name: business.name, access: t(`access.${business.access}`) })}</span>
        <Link href="/accountant" className="ml-auto font-semibold underline">
          {t("banner.back")}
        </Link>
      </div>
      {children}
    </>
  );
}

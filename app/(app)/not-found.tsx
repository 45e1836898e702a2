import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusMessage } from "@/components/ui/status-message";

/** The 404 page inside app/(app)/layout.tsx, which has the page's <main>. */
export default async function NotFound() {
  const t = await getTranslations("errors");
  const home = (
    <Link href="/businesses" className="font-semibold text-brand-700 underline">
      {t("toHome")}
    </Link>
  );
  return <StatusMessage title={t("notFoundTitle")} text={t("notFoundText")} action={home} asMain={false} />;
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusMessage } from "@/components/ui/status-message";

/** The 404 page at the root, outside any layout with a <main> (app/(app)/ has its own). */
export default async function NotFound() {
  const t = await getTranslations("errors");
  const home = (
    <Link href="/businesses" className="font-semibold text-brand-700 underline">
      {t("toHome")}
    </Link>
  );
  return <StatusMessage title={t("notFoundTitle")} text={t("notFoundText")} action={home} asMain={true} />;
}

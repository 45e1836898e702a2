// The 403 page: `forbidden()` from a page or a form action (lib/platform/action-result.ts),
// e.g. a read-only accountant's delete inside app/(app)/layout.tsx, which has the page's <main>.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusMessage } from "@/components/ui/status-message";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  const home = (
    <Link href="/businesses" className="font-semibold text-brand-700 underline">
      {t("toHome")}
    </Link>
  );
  return <StatusMessage title={t("forbiddenTitle")} text={t("forbidden")} action={home} asMain={false} />;
}

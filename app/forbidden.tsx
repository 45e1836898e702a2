// The 403 page: `forbidden()` from a page or a form action (lib/actions/action-result.ts),
// e.g. a read-only accountant's delete.
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="mb-2 text-2xl font-bold">{t("forbiddenTitle")}</h1>
      <p className="mb-6 text-slate-700">{t("forbidden")}</p>
      <Link href="/businesses" className="font-semibold text-brand-700 underline">
        {t("toHome")}
      </Link>
    </main>
  );
}

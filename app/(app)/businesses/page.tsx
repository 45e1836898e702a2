import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { linkButtonClass } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/current-user";
import { listBusinesses } from "@/lib/businesses/list-businesses";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("businesses"))("title") };
}

export default async function BusinessesPage() {
  const user = await requireUser();
  const [t, businesses] = await Promise.all([getTranslations("businesses"), listBusinesses({ caller: { userId: user.id } })]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/businesses/new" className={linkButtonClass}>
          {t("new")}
        </Link>
      </div>
      {businesses.length === 0 ? (
        <section className="rounded-lg border-2 border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="mb-4 text-slate-700">{t("empty")}</p>
          <Link href="/businesses/new" className={linkButtonClass}>
            {t("createFirst")}
          </Link>
        </section>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {businesses.map((business) => {
            const inKor = business.korParticipations.some((period) => period.to === null);
            return (
              <Card as="li" padding="compact" key={business.id}>
                <h2 className="text-lg font-semibold">
                  <Link href={`/businesses/${business.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                    {business.name}
                  </Link>
                </h2>
                <p className="text-sm text-slate-600">{t(`role.${business.role}`)}</p>
                <p className="mt-2 text-sm">{inKor ? t("inKor") : t("notInKor")}</p>
              </Card>
            );
          })}
        </ul>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BusinessForm } from "@/components/forms/business-form";
import { requireUser } from "@/lib/platform/auth/current-user";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("businesses"))("newTitle") };
}

export default async function NewBusinessPage() {
  await requireUser();
  const t = await getTranslations("businesses");
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <Card as="section">
        <BusinessForm />
      </Card>
    </div>
  );
}

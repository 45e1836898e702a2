import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RegisterForm } from "@/components/forms/register-form";
import { getCurrentUser } from "@/lib/platform/auth/current-user";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("registerTitle") };
}

export default async function RegisterPage() {
  if (await getCurrentUser()) redirect("/businesses");
  const t = await getTranslations("auth");
  return (
    <Card as="section">
      <h1 className="mb-4 text-2xl font-bold">{t("registerTitle")}</h1>
      <RegisterForm />
      <p className="mt-4 text-sm">
        {t("haveAccount")}{" "}
        <Link href="/login" className="font-semibold text-brand-700 underline">
          {t("loginLink")}
        </Link>
      </p>
    </Card>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/forms/forgot-password-form";
import { getCurrentUser } from "@/lib/platform/auth/current-user";
import { env } from "@/lib/platform/env";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  if (await getCurrentUser()) redirect("/settings/account");
  const t = await getTranslations("account");
  return (
    <Card as="section">
      <h1 className="mb-2 text-2xl font-bold">{t("forgotTitle")}</h1>
      <p className="mb-4 text-slate-700">{t("forgotIntro")}</p>
      <ForgotPasswordForm linkMinutes={env().PASSWORD_RESET_TOKEN_MINUTES} />
      <p className="mt-4 text-sm">
        <Link href="/login" className="font-semibold text-brand-700 underline">
          {t("backToLogin")}
        </Link>
      </p>
    </Card>
  );
}

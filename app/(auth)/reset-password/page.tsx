import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/forms/reset-password-form";
import { isResetTokenUsable } from "@/lib/platform/auth/password-reset/reset-password";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("resetTitle"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const t = await getTranslations("account");
  const { token } = await searchParams;
  const usable = typeof token === "string" && (await isResetTokenUsable({ token }));
  if (!usable) {
    return (
      <Card as="section">
        <h1 className="mb-2 text-2xl font-bold">{t("resetInvalidTitle")}</h1>
        <p className="mb-4 text-slate-700">{t("resetInvalidText")}</p>
        <Link href="/forgot-password" className="font-semibold text-brand-700 underline">
          {t("requestNewLink")}
        </Link>
      </Card>
    );
  }
  return (
    <Card as="section">
      <h1 className="mb-2 text-2xl font-bold">{t("resetTitle")}</h1>
      <p className="mb-4 text-slate-700">{t("resetIntro")}</p>
      <ResetPasswordForm token={token} />
    </Card>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/forms/change-password-form";
import { requireUser } from "@/lib/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountSettingsPage() {
  const user = await requireUser();
  const t = await getTranslations();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("account.title")}</h1>
      <p className="text-slate-700">
        {user.name} — <span className="font-mono">{user.email}</span>
      </p>
      <section aria-labelledby="change-password-title" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="change-password-title" className="mb-2 text-lg font-semibold">
          {t("account.changeTitle")}
        </h2>
        <p className="mb-4 max-w-3xl text-slate-700">
          {t("account.changeIntro")}{" "}
          <Link href="/settings/tokens" className="text-brand-700 underline">
            {t("apiTokens.navLink")}
          </Link>
        </p>
        <ChangePasswordForm />
      </section>
    </div>
  );
}

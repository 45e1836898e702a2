import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/layout/language-switch";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between px-4 py-3 sm:px-8">
        <span className="text-xl font-bold text-brand-800">Drempel</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 pb-12 pt-6">
        <p className="mb-6 text-slate-700">{t("tagline")}</p>
        {children}
      </main>
    </div>
  );
}

import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { euroInWords, rulesFor } from "@/lib/kor";
import { toLocale } from "@/lib/platform/i18n/config";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const [t, locale] = await Promise.all([getTranslations("common"), getLocale()]);
  const limit = euroInWords(rulesFor(Number(amsterdamToday().slice(0, 4))).korLimitCents, toLocale(locale));
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between px-4 py-3 sm:px-8">
        <span className="text-xl font-bold text-brand-800">Drempel</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 pb-12 pt-6">
        <p className="mb-6 text-slate-700">{t("tagline", { limit })}</p>
        {children}
      </main>
    </div>
  );
}

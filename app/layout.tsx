import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { clientMessages } from "@/lib/platform/i18n/client-messages";
import { toLocale } from "@/lib/platform/i18n/config";
import { euroInWords, rulesFor } from "@/lib/kor";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations("common"), getLocale()]);
  const limit = euroInWords(rulesFor(Number(amsterdamToday().slice(0, 4))).korLimitCents, toLocale(locale));
  return { title: { default: "Drempel", template: "%s · Drempel" }, description: t("tagline", { limit }) };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <NextIntlClientProvider messages={clientMessages(messages)}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}

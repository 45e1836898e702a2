import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/forms/login-form";
import { getCurrentUser } from "@/lib/platform/auth/current-user";
import { safeRedirectPath } from "@/lib/platform/auth/safe-redirect";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/features/demo/demo-accounts";
import { env } from "@/lib/platform/env";
import { requestOrigins } from "@/lib/platform/http/request-origin";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("loginTitle") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ registered?: string; reset?: string; callbackUrl?: string }>;
}) {
  // Signed in already: the landing page ("/" sends an accountant to /accountant, lib/platform/auth/landing-path.ts).
  if (await getCurrentUser()) redirect("/");
  const t = await getTranslations("auth");
  const tAccount = await getTranslations("account");
  const { registered, reset, callbackUrl } = await searchParams;
  // Only a path of this app: `/\evil.example` and `/%09/evil.example` lead elsewhere. Without
  // one, "/" picks the landing page by role (an accountant's is /accountant).
  const safeCallback = safeRedirectPath(callbackUrl, { origins: [...requestOrigins(await headers())], fallback: "/" });
  return (
    <div className="space-y-6">
      <Card as="section">
        <h1 className="mb-4 text-2xl font-bold">{t("loginTitle")}</h1>
        {registered ? (
          <p role="status" className="mb-4 rounded bg-green-50 p-3 text-green-900">
            {t("registered")}
          </p>
        ) : null}
        {reset ? (
          <p role="status" className="mb-4 rounded bg-green-50 p-3 text-green-900">
            {tAccount("passwordReset")}
          </p>
        ) : null}
        <LoginForm callbackUrl={safeCallback} />
        <p className="mt-4 text-sm">
          <Link href="/forgot-password" className="font-semibold text-brand-700 underline">
            {tAccount("forgotLink")}
          </Link>
        </p>
        <p className="mt-2 text-sm">
          {t("noAccount")}{" "}
          <Link href="/register" className="font-semibold text-brand-700 underline">
            {t("registerLink")}
          </Link>
        </p>
      </Card>
      {env().embedded ? (
        <section aria-labelledby="demo-title" className="rounded-lg bg-amber-50 p-6 ring-1 ring-amber-200">
          <h2 id="demo-title" className="mb-2 text-lg font-semibold">
            {t("demoTitle")}
          </h2>
          <ul className="space-y-1 text-sm">
            {DEMO_ACCOUNTS.map((account) => (
              <li key={account.email}>
                <span className="font-mono">{account.email}</span> — {t(account.descriptionKey)}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">{t("demoPassword", { password: DEMO_PASSWORD })}</p>
        </section>
      ) : null}
    </div>
  );
}

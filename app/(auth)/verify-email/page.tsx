import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/platform/auth/current-user";
import { AppError } from "@/lib/platform/errors";
import { verifyEmail } from "@/lib/features/users/email-verification/verify-email";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verification"))("pageTitle"), referrer: "no-referrer" };
}

// Opening the mailed link verifies the address: the link itself is the proof of the
// mailbox, so no form is needed (a link checker that opens it first did the same).
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const t = await getTranslations("verification");
  const { token } = await searchParams;
  const result = await verifyEmail({ token }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "VALIDATION_FAILED") return null;
    throw error;
  });
  const signedIn = (await getCurrentUser()) !== null;
  if (!result) {
    return (
      <Card as="section">
        <h1 className="mb-2 text-2xl font-bold">{t("invalidTitle")}</h1>
        <p className="mb-4 text-slate-700">{t("invalidText")}</p>
        <Link href={signedIn ? "/businesses" : "/login"} className="font-semibold text-brand-700 underline">
          {signedIn ? t("continue") : t("login")}
        </Link>
      </Card>
    );
  }
  return (
    <Card as="section">
      <h1 className="mb-2 text-2xl font-bold">{t("verifiedTitle")}</h1>
      <p role="status" className="mb-4 text-slate-700">
        {t("verifiedText", { email: result.email })}
      </p>
      <Link href={signedIn ? "/businesses" : "/login"} className="font-semibold text-brand-700 underline">
        {signedIn ? t("continue") : t("login")}
      </Link>
    </Card>
  );
}

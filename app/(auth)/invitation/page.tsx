import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { InvitationAnswer } from "@/components/accountant/invitation-answer";
import { formatDate, toLanguage } from "@/lib/platform/i18n/format";
import { findInvitationByToken } from "@/lib/features/accountant/respond-to-invitation";
import { getCurrentUser } from "@/lib/platform/auth/current-user";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountant"))("invitations.pageTitle"), referrer: "no-referrer" };
}

// The link of an invitation mail (issue #15): its token, in the hands of the signed-in,
// verified holder of the invited address, answers the invitation once.
export default async function InvitationPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const t = await getTranslations("accountant");
  const { token } = await searchParams;
  const user = await getCurrentUser();
  const here = `/invitation?token=${encodeURIComponent(typeof token === "string" ? token : "")}`;
  const frame = (body: React.ReactNode) => (
    <Card as="section">
      <h1 className="mb-3 text-2xl font-bold">{t("invitations.pageTitle")}</h1>
      {body}
    </Card>
  );
  if (!user) {
    return frame(
      <>
        <p className="mb-4 text-slate-700">{t("invitations.loginFirst")}</p>
        <p className="flex gap-4">
          <Link href={`/login?callbackUrl=${encodeURIComponent(here)}`} className="font-semibold text-brand-700 underline">
            {t("invitations.loginLink")}
          </Link>
          <Link href="/register" className="font-semibold text-brand-700 underline">
            {t("invitations.registerLink")}
          </Link>
        </p>
      </>,
    );
  }
  const found = await findInvitationByToken({ caller: { userId: user.id }, token });
  if (found.status !== "open") {
    return frame(
      <>
        <p role="alert" className="mb-4 text-slate-700">
          {found.status === "unverified" ? t("invitations.unverified") : t("invitations.invalid")}
        </p>
        <Link href="/businesses" className="font-semibold text-brand-700 underline">
          {t("invitations.toBusinesses")}
        </Link>
      </>,
    );
  }
  const { invitation } = found;
  const language = toLanguage(await getLocale());
  const values = {
    business: invitation.businessName,
    access: t(`access.${invitation.access}`),
    date: formatDate(invitation.expiresAt.slice(0, 10), language, "long"),
  };
  return frame(
    <>
      <p className="mb-4 text-slate-700">
        {invitation.invitedBy ? t("invitations.from", { ...values, name: invitation.invitedBy }) : t("invitations.fromUnknown", values)}
      </p>
      <InvitationAnswer token={token as string} businessName={invitation.businessName} />
    </>,
  );
}

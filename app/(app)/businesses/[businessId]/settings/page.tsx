import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountantSettingsSection } from "@/components/accountant/accountant-settings-section";
import { AddMemberForm } from "@/components/forms/add-member-form";
import { BusinessForm } from "@/components/forms/business-form";
import { MemberActions } from "@/components/forms/member-actions";
import { BusinessNav } from "@/components/layout/business-nav";
import { getBusinessForPage } from "@/lib/platform/auth/page-guards";
import { listMembers } from "@/lib/features/members/list-members";
import { Card } from "@/components/ui/card";

type Props = { params: Promise<{ businessId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { business } = await getBusinessForPage((await params).businessId);
  return { title: (await getTranslations("settings"))("title", { name: business.name }) };
}

export default async function BusinessSettingsPage({ params }: Props) {
  const { user, business } = await getBusinessForPage((await params).businessId);
  const [t, tb, members] = await Promise.all([
    getTranslations(),
    getTranslations("businesses"),
    listMembers({ caller: { userId: user.id }, businessId: business.id }),
  ]);
  const isOwner = business.role === "OWNER";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("settings.title", { name: business.name })}</h1>
      <BusinessNav businessId={business.id} current="settings" />
      <Card as="section" aria-labelledby="business-settings-title">
        <h2 id="business-settings-title" className="mb-4 text-lg font-semibold">
          {t("settings.businessTitle")}
        </h2>
        {isOwner ? <BusinessForm business={business} /> : <p>{t("settings.readOnly")}</p>}
      </Card>
      <Card as="section" aria-labelledby="members-title">
        <h2 id="members-title" className="mb-4 text-lg font-semibold">
          {t("members.title")}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-4">
                  {t("members.name")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("members.email")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("members.role")}
                </th>
                {isOwner ? (
                  <th scope="col" className="py-2">
                    {t("members.actions")}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-4">
                    {member.name} {member.userId === user.id ? <span className="text-slate-500">{t("members.you")}</span> : null}
                  </td>
                  <td className="py-2 pr-4">{member.email}</td>
                  <td className="py-2 pr-4">{tb(`role.${member.role}`)}</td>
                  {isOwner ? (
                    <td className="py-2">
                      <MemberActions businessId={business.id} member={member} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {isOwner ? (
          <div className="mt-6">
            <h3 className="mb-2 font-semibold">{t("members.addTitle")}</h3>
            <AddMemberForm businessId={business.id} />
          </div>
        ) : null}
      </Card>
      {isOwner ? <AccountantSettingsSection userId={user.id} businessId={business.id} /> : null}
    </div>
  );
}

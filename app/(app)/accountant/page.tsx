import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientTable, overviewHref } from "@/components/accountant/client-table";
import { DistributionChart } from "@/components/accountant/distribution-chart";
import { MyAccessRequests, RequestAccessForm } from "@/components/accountant/access-request-forms";
import { AddColleagueForm, CreateFirmForm, LeaveFirmButton, ShareClientForm } from "@/components/accountant/firm-forms";
import { InvitationList } from "@/components/accountant/invitation-list";
import { formatDate, toLanguage } from "@/lib/platform/i18n/format";
import { Button } from "@/components/ui/button";
import { CLIENT_STATUSES, overviewQuerySchema } from "@/lib/features/accountant/accountant.types";
import { getAccountantOverview } from "@/lib/features/accountant/get-accountant-overview";
import { getMyFirm, listShareableClients } from "@/lib/features/accountant/firms";
import { getFirmTwoFactorRequirement } from "@/lib/features/accountant/firm-two-factor";
import { FirmTwoFactorForm } from "@/components/accountant/firm-two-factor-form";
import { listMyAccessRequests } from "@/lib/features/accountant/list-access-requests";
import { listMyInvitations } from "@/lib/features/accountant/list-my-invitations";
import { requireUser } from "@/lib/platform/auth/current-user";
import { euroInWords, rulesFor } from "@/lib/kor";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountant"))("metaTitle") };
}

export default async function AccountantPage({ searchParams }: Props) {
  const user = await requireUser();
  const raw = await searchParams;
  const query = overviewQuerySchema.parse(raw);
  const caller = { userId: user.id };
  const [t, locale, overview, invitations, requests, firm] = await Promise.all([
    getTranslations("accountant"),
    getLocale(),
    getAccountantOverview({ caller, query: raw }),
    listMyInvitations({ caller }),
    listMyAccessRequests({ caller }),
    getMyFirm({ caller }),
  ]);
  const shareable = firm && firm.members.length > 1 ? await listShareableClients({ caller }) : [];
  const language = toLanguage(locale);
  const { summary } = overview;
  const exportHref = overviewHref({ ...query, page: 1 }, {}, "/accountant/export");

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-600" data-testid="overview-as-of">
          {t("intro", { year: overview.year })} {t("asOf", { date: formatDate(overview.asOf, language, "long") })}
        </p>
      </div>

      {invitations.length > 0 ? (
        <Card as="section" tone="attention" aria-labelledby="invitations-title">
          <h2 id="invitations-title" className="mb-3 text-lg font-semibold">
            {t("invitations.title")}
          </h2>
          <InvitationList invitations={invitations} />
        </Card>
      ) : null}

      {summary.clients === 0 ? (
        <Card as="p">{t("empty")}</Card>
      ) : (
        <>
          <div className="grid gap-6 md:grid-cols-2">
            <Card as="section" aria-labelledby="summary-title">
              <h2 id="summary-title" className="mb-3 text-lg font-semibold">
                {t("summary.title")}
              </h2>
              <p className="mb-2 font-medium">{t("summary.clients", { count: summary.clients })}</p>
              <ul className="space-y-1 text-sm" data-testid="status-summary">
                {CLIENT_STATUSES.map((status) => (
                  <li key={status}>
                    <Link href={overviewHref(query, { status, page: 1 })} className="hover:underline">
                      {t(`status.${status}`)}: <span className="font-semibold tabular-nums">{summary.byStatus[status]}</span>
                    </Link>
                  </li>
                ))}
              </ul>
              <p className="mt-3 text-sm font-medium">{t("summary.deadlinesThisWeek", { count: summary.deadlinesThisWeek })}</p>
            </Card>
            <Card as="section" aria-labelledby="distribution-title">
              <h2 id="distribution-title" className="mb-3 text-lg font-semibold">
                {t("distribution.title", { limit: euroInWords(rulesFor(overview.year).korLimitCents, language) })}
              </h2>
              <DistributionChart distribution={summary.distribution} />
            </Card>
          </div>

          <Card as="section" className="space-y-4" aria-labelledby="clients-title">
            <h2 id="clients-title" className="sr-only">
              {t("filters.title")}
            </h2>
            <form method="get" action="/accountant" className="flex flex-wrap items-end gap-3" role="search">
              {query.sort !== "risk" ? <input type="hidden" name="sort" value={query.sort} /> : null}
              {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
              <div>
                <label htmlFor="client-search" className="block text-sm font-medium">
                  {t("filters.search")}
                </label>
                <input
                  id="client-search"
                  name="q"
                  type="search"
                  defaultValue={query.q}
                  className="mt-1 rounded-md border border-slate-300 px-3 py-2"
                />
              </div>
              <div>
                <label htmlFor="client-status" className="block text-sm font-medium">
                  {t("filters.status")}
                </label>
                <select
                  id="client-status"
                  name="status"
                  defaultValue={query.status}
                  className="mt-1 rounded-md border border-slate-300 px-3 py-2"
                >
                  <option value="all">{t("status.all")}</option>
                  {CLIENT_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`status.${status}`)}
                    </option>
                  ))}
                </select>
              </div>
              <Button type="submit">{t("filters.apply")}</Button>
              <Link href="/accountant" className="py-2 text-sm hover:underline">
                {t("filters.reset")}
              </Link>
              <a href={exportHref} className="ml-auto py-2 text-sm font-medium text-brand-800 hover:underline" download>
                {t("filters.export")}
              </a>
            </form>
            <p role="status" className="text-sm text-slate-600">
              {t("filters.matching", { count: overview.matching })}
            </p>
            {overview.rows.length > 0 ? <ClientTable rows={overview.rows} query={query} year={overview.year} /> : null}
            {overview.pageCount > 1 ? (
              <nav aria-label={t("pagination.label")} className="flex items-center gap-4 text-sm">
                {overview.page > 1 ? <Link href={overviewHref(query, { page: overview.page - 1 })}>{t("pagination.previous")}</Link> : null}
                <span>{t("pagination.page", { page: overview.page, count: overview.pageCount })}</span>
                {overview.page < overview.pageCount ? (
                  <Link href={overviewHref(query, { page: overview.page + 1 })}>{t("pagination.next")}</Link>
                ) : null}
              </nav>
            ) : null}
          </Card>
        </>
      )}

      <Card as="section" className="space-y-4" aria-labelledby="requests-title">
        <div>
          <h2 id="requests-title" className="text-lg font-semibold">
            {t("requests.title")}
          </h2>
          <p className="text-sm text-slate-600">{t("requests.help")}</p>
        </div>
        <RequestAccessForm />
        {requests.length > 0 ? (
          <div>
            <h3 className="mb-2 font-semibold">{t("requests.mine")}</h3>
            <MyAccessRequests requests={requests} />
          </div>
        ) : null}
      </Card>

      <Card as="section" className="space-y-4" aria-labelledby="firm-title">
        <div>
          <h2 id="firm-title" className="text-lg font-semibold">
            {t("firm.title")}
          </h2>
          <p className="text-sm text-slate-600">{t("firm.help")}</p>
        </div>
        {firm ? (
          <>
            <div>
              <h3 className="mb-2 font-semibold">{t("firm.members", { firm: firm.name })}</h3>
              <ul className="space-y-1 text-sm">
                {firm.members.map((member) => (
                  <li key={member.userId}>
                    {member.name} ({member.email}){member.role === "ADMIN" ? `, ${t("firm.admin")}` : ""}
                  </li>
                ))}
              </ul>
            </div>
            {firm.role === "ADMIN" ? <AddColleagueForm /> : null}
            {firm.role === "ADMIN" ? <FirmTwoFactorForm required={await getFirmTwoFactorRequirement({ caller })} /> : null}
            <ShareClientForm firm={firm} clients={shareable} userId={user.id} />
            <LeaveFirmButton firm={firm.name} />
          </>
        ) : (
          <>
            <p className="text-sm">{t("firm.none")}</p>
            <CreateFirmForm />
          </>
        )}
      </Card>
    </div>
  );
}

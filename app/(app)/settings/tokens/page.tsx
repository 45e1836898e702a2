import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateTokenForm } from "@/components/api-tokens/create-token-form";
import { RevokeTokenButton } from "@/components/api-tokens/revoke-token-button";
import { requireUser } from "@/lib/platform/auth/current-user";
import { listApiTokens } from "@/lib/features/api-tokens/list-api-tokens";
import { listBusinesses } from "@/lib/features/businesses/list-businesses";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiTokens"))("title") };
}

export default async function ApiTokensPage() {
  const user = await requireUser();
  const caller = { userId: user.id };
  const [t, format, tokens, businesses] = await Promise.all([
    getTranslations("apiTokens"),
    getFormatter(),
    listApiTokens({ caller }),
    listBusinesses({ caller }),
  ]);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  // The last valid day: the token stops at the first moment after it (Amsterdam).
  const lastDay = (iso: string) =>
    format.dateTime(new Date(new Date(iso).getTime() - 1), { dateStyle: "medium", timeZone: "Europe/Amsterdam" });
  const now = Date.now();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl text-slate-700">
        {t("intro")}{" "}
        <a href="/api/v1/openapi.json" className="text-brand-700 underline">
          {t("docsLink")}
        </a>
      </p>

      <Card as="section" aria-labelledby="create-token-title">
        <h2 id="create-token-title" className="mb-4 text-lg font-semibold">
          {t("createTitle")}
        </h2>
        <CreateTokenForm businesses={businesses.map(({ id, name }) => ({ id, name }))} today={amsterdamToday()} />
      </Card>

      <Card as="section" aria-labelledby="token-list-title">
        <h2 id="token-list-title" className="mb-4 text-lg font-semibold">
          {t("listTitle")}
        </h2>
        {tokens.length === 0 ? (
          <p className="text-slate-700">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-4">
                    {t("columnName")}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t("columnPrefix")}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t("columnScope")}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t("columnCreated")}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t("columnLastUsed")}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t("columnExpires")}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t("columnBusinesses")}
                  </th>
                  <th scope="col" className="py-2">
                    {t("columnActions")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {token.name}
                    </th>
                    <td className="py-2 pr-4 font-mono">{token.prefix}…</td>
                    <td className="py-2 pr-4">{token.scope === "read" ? t("scopeRead") : t("scopeReadWrite")}</td>
                    <td className="py-2 pr-4">
                      <time dateTime={token.createdAt}>{when(token.createdAt)}</time>
                    </td>
                    <td className="py-2 pr-4">
                      {token.lastUsedAt ? <time dateTime={token.lastUsedAt}>{when(token.lastUsedAt)}</time> : t("never")}
                    </td>
                    <td className="py-2 pr-4">
                      {token.expiresAt === null ? (
                        t("noExpiry")
                      ) : Date.parse(token.expiresAt) <= now ? (
                        <span className="font-medium text-red-700">{t("expired", { date: lastDay(token.expiresAt) })}</span>
                      ) : (
                        <time dateTime={token.expiresAt}>{lastDay(token.expiresAt)}</time>
                      )}
                    </td>
                    <td className="py-2 pr-4">
                      {!token.limited
                        ? t("allBusinesses")
                        : token.businesses.length === 0
                          ? t("noneLeft")
                          : token.businesses.map((business) => business.name).join(", ")}
                    </td>
                    <td className="py-2">
                      <RevokeTokenButton tokenId={token.id} name={token.name} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

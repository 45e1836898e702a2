import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { BusinessNav } from "@/components/layout/business-nav";
import Link from "next/link";
import { getBusinessForPage } from "@/lib/auth/page-guards";
import { getTurnover } from "@/lib/turnover/get-turnover";
import { fromIsoDate } from "@/lib/validation";

type Props = { params: Promise<{ businessId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { business } = await getBusinessForPage((await params).businessId);
  return { title: business.name };
}

export default async function BusinessPage({ params }: Props) {
  const { user, business } = await getBusinessForPage((await params).businessId);
  const [t, ti, format, turnover] = await Promise.all([
    getTranslations("business"),
    getTranslations("invoices"),
    getFormatter(),
    getTurnover({ caller: { userId: user.id }, businessId: business.id }),
  ]);
  const euro = (cents: number) => format.number(cents / 100, { style: "currency", currency: "EUR" });
  const date = (value: string) => format.dateTime(fromIsoDate(value), { dateStyle: "long", timeZone: "UTC" });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{business.name}</h1>
      <BusinessNav businessId={business.id} current="overview" />
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="details-title" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 id="details-title" className="mb-3 text-lg font-semibold">
            {t("details")}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">{t("kvkNumber")}</dt>
            <dd>{business.kvkNumber ?? t("none")}</dd>
            <dt className="text-slate-600">{t("vatNumber")}</dt>
            <dd>{business.vatNumber ?? t("none")}</dd>
            <dt className="text-slate-600">{t("filingPeriod")}</dt>
            <dd>{t(business.filingPeriod)}</dd>
          </dl>
        </section>
        <section aria-labelledby="kor-title" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 id="kor-title" className="mb-3 text-lg font-semibold">
            {t("korTitle")}
          </h2>
          {business.korParticipations.length === 0 ? (
            <p className="text-sm">{t("korNone")}</p>
          ) : (
            <ul className="list-disc pl-5 text-sm">
              {business.korParticipations.map((period) => (
                <li key={period.from}>
                  {period.to ? t("korPeriod", { from: date(period.from), to: date(period.to) }) : t("korPeriodOpen", { from: date(period.from) })}
                </li>
              ))}
            </ul>
          )}
          <h3 className="mb-2 mt-4 font-semibold">{t("euKorTitle")}</h3>
          <p className="text-sm">
            {business.euKor ? t("euKorStates", { states: business.euKor.memberStates.join(", ") || t("none") }) : t("euKorNone")}
          </p>
        </section>
      </div>
      <section aria-labelledby="turnover-title" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="turnover-title" className="mb-2 text-lg font-semibold">
          {ti("turnoverTitle", { year: turnover.year })}
        </h2>
        <p className="text-xl font-bold">{ti("turnoverOf", { counted: euro(turnover.korTurnoverCents), limit: euro(turnover.kor.limitCents) })}</p>
        {turnover.kor.crossing ? (
          <p className="mt-2 font-semibold text-red-800">{ti("crossedOn", { date: date(turnover.kor.crossing.date) })}</p>
        ) : null}
        <div className="mt-3 flex flex-wrap gap-4 text-sm">
          <Link href={`/businesses/${business.id}/invoices`} className="font-medium text-brand-700 underline">
            {ti("toInvoices")}
          </Link>
          <Link href={`/businesses/${business.id}/import`} className="font-medium text-brand-700 underline">
            {ti("toImport")}
          </Link>
        </div>
      </section>
    </div>
  );
}

"use client";
// A year's purchases as a table (cards on a phone), with the form to add one or change
// the chosen one; whoever may write the books may change and remove them.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { deletePurchaseAction } from "@/lib/features/purchases/actions";
import { formatCents, formatDate, toLanguage } from "@/lib/platform/i18n/format";
import type { PurchaseList as PurchaseListData } from "@/lib/features/purchases/list-purchases";
import type { PurchaseDto } from "@/lib/features/purchases/purchase.types";
import { PurchaseForm } from "./purchase-form";
import { Card } from "@/components/ui/card";

type Props = { businessId: string; year: number; today: string; list: PurchaseListData; canWrite: boolean };

export function PurchaseList({ businessId, year, today, list, canWrite }: Props) {
  const t = useTranslations("purchases");
  const language = toLanguage(useLocale());
  const router = useRouter();
  const [editing, setEditing] = useState<PurchaseDto | null>(null);
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();
  const money = (cents: number) => formatCents(cents, language);

  const remove = (purchase: PurchaseDto) =>
    startTransition(async () => {
      const result = await deletePurchaseAction(businessId, purchase.id);
      setMessage(result.ok ? t("deleted", { name: purchase.supplier.name }) : t("failed"));
      if (editing?.id === purchase.id) setEditing(null);
      router.refresh();
    });

  return (
    <div className="space-y-6">
      <p role="status" className="min-h-5 font-medium">
        {message}
      </p>
      {list.data.length === 0 ? (
        <Card as="p" padding="compact" className="text-slate-700">
          {t("empty", { year })}
        </Card>
      ) : (
        <Card padding="none" className="overflow-x-auto">
          <table className="stack-table w-full min-w-[48rem] text-left text-sm" data-testid="purchase-list">
            <caption className="px-3 py-2 text-left text-base font-semibold">{t("listTitle")}</caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("col.supplier")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("col.date")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("col.treatment")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("col.category")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  {t("col.net")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  {t("col.vat")}
                </th>
                {canWrite ? (
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t("col.actions")}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {list.data.map((purchase) => (
                <tr key={purchase.id} className="border-b border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {purchase.supplier.name}
                    {purchase.reference ? <span className="block text-xs font-normal text-slate-600">{purchase.reference}</span> : null}
                    {purchase.description ? <span className="block text-xs font-normal text-slate-600">{purchase.description}</span> : null}
                  </th>
                  <td data-label={t("col.date")} className="whitespace-nowrap px-3 py-2">
                    {formatDate(purchase.date, language)}
                  </td>
                  <td data-label={t("col.treatment")} className="px-3 py-2">
                    {t(`treatment.${purchase.vatTreatment}`)} ({purchase.ratePercent}%)
                  </td>
                  <td data-label={t("col.category")} className="px-3 py-2">
                    {t(`category.${purchase.category}`)}
                    {purchase.investmentGoodId ? <span className="block text-xs text-slate-600">{t("investmentLinked")}</span> : null}
                  </td>
                  <td data-label={t("col.net")} className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                    {money(purchase.netCents)}
                  </td>
                  <td data-label={t("col.vat")} className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                    {money(purchase.vatCents)}
                  </td>
                  {canWrite ? (
                    <td data-label={t("col.actions")} className="px-3 py-2">
                      <span className="flex flex-wrap justify-end gap-2 sm:justify-start">
                        <button
                          type="button"
                          onClick={() => setEditing(purchase)}
                          disabled={pending}
                          className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100"
                        >
                          {t("edit", { name: purchase.supplier.name })}
                        </button>
                        <button
                          type="button"
                          onClick={() => remove(purchase)}
                          disabled={pending}
                          className="rounded border border-red-700 px-2 py-1 text-red-800 hover:bg-red-50"
                        >
                          {t("remove", { name: purchase.supplier.name })}
                        </button>
                      </span>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="font-semibold">
                <th scope="row" className="px-3 py-2">
                  {t("total", { count: list.totals.count })}
                </th>
                <td className="px-3 py-2" />
                <td className="px-3 py-2" />
                <td className="px-3 py-2" />
                <td data-label={t("col.net")} className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                  {money(list.totals.netCents)}
                </td>
                <td data-label={t("col.vat")} className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                  {money(list.totals.vatCents)}
                </td>
                {canWrite ? <td className="px-3 py-2" /> : null}
              </tr>
            </tfoot>
          </table>
        </Card>
      )}
      {canWrite ? (
        <PurchaseForm
          key={editing?.id ?? "new"}
          businessId={businessId}
          editing={editing}
          today={today}
          invoices={list.data}
          onDone={(text) => {
            setMessage(text);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <p className="text-sm text-slate-700">{t("readOnly")}</p>
      )}
    </div>
  );
}

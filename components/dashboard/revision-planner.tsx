"use client";
// Btw-herziening (revision of input VAT on investment goods) planner: the business's saved
// investment goods and, per year, what joining or leaving the KOR repays or returns
// (docs/domain/KOR-RULES.md §3.6), computed on the server for each event year offered (revision-plan.ts),
// so no engine code runs here. Whoever may write the books adds, changes and removes goods
// through server actions; a read-only accountant sees them only.
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import {
  createInvestmentGoodAction,
  deleteInvestmentGoodAction,
  updateInvestmentGoodAction,
} from "@/lib/features/investment-goods/actions";
import { Field, SelectField } from "@/components/forms/field";
import type { InvestmentGoodDto } from "@/lib/features/investment-goods/investment-good.types";
import type { RevisionPlans } from "@/lib/features/investment-goods/revision-plan";
import { formatCents, toLanguage } from "@/lib/platform/i18n/format";
import { ScrollBox } from "./scroll-box";
import { numberFormat } from "@/lib/platform/i18n/intl-format";

type Draft = { description: string; vat: string; firstUseYear: string; kind: "MOVABLE" | "IMMOVABLE" };

const euroText = (cents: number, language: "nl" | "en") =>
  numberFormat(language === "en" ? "en-GB" : "nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(
    cents / 100,
  );

type Props = {
  businessId: string;
  year: number;
  goods: InvestmentGoodDto[];
  plans: RevisionPlans;
  eventYears: number[];
  canWrite: boolean;
};

export function RevisionPlanner({ businessId, year, goods, plans, eventYears, canWrite }: Props) {
  const t = useTranslations("dashboard");
  const language = toLanguage(useLocale());
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [event, setEvent] = useState<"join" | "leave">("join");
  const [eventYear, setEventYear] = useState(String(year + 1));
  const empty: Draft = { description: "", vat: "", firstUseYear: String(year), kind: "MOVABLE" };
  const [draft, setDraft] = useState<Draft>(empty);
  const [editing, setEditing] = useState<InvestmentGoodDto | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string>("");
  const money = (cents: number) => formatCents(cents, language);

  const edit = (good: InvestmentGoodDto) => {
    setEditing(good);
    setErrors({});
    setDraft({
      description: good.description,
      vat: euroText(good.vatCents, language),
      firstUseYear: String(good.firstUseYear),
      kind: good.kind,
    });
  };
  const reset = () => {
    setEditing(null);
    setErrors({});
    setDraft(empty);
  };
  const save = () =>
    startTransition(async () => {
      const input = { ...draft, firstUseYear: draft.firstUseYear.trim() === "" ? undefined : Number(draft.firstUseYear) };
      const result = editing
        ? await updateInvestmentGoodAction(businessId, editing.id, input)
        : await createInvestmentGoodAction(businessId, input);
      if (!result.ok) {
        setErrors(result.error.fields);
        setStatus(t("revision.failed"));
        return;
      }
      reset();
      setStatus(t("revision.saved", { name: result.data.description }));
      router.refresh();
    });
  const remove = (good: InvestmentGoodDto) =>
    startTransition(async () => {
      const result = await deleteInvestmentGoodAction(businessId, good.id);
      setStatus(result.ok ? t("revision.deleted", { name: good.description }) : t("revision.failed"));
      if (editing?.id === good.id) reset();
      router.refresh();
    });

  const byId = new Map(goods.map((good) => [good.id, good]));
  const perGood = (plans[event][Number(eventYear)] ?? []).flatMap(({ goodId, schedule }) => {
    const good = byId.get(goodId);
    return good ? [{ good, schedule }] : [];
  });
  const years = [...new Set(perGood.flatMap((g) => g.schedule.map((s) => s.year)))].sort((a, b) => a - b);

  return (
    <div className="text-sm">
      <p>{t("revision.intro")}</p>
      <div className="mt-3 flex flex-wrap items-end gap-4">
        <fieldset>
          <legend className="font-medium">{t("revision.event")}</legend>
          <div className="mt-1 flex gap-4">
            {(["join", "leave"] as const).map((value) => (
              <label key={value} className="flex items-center gap-1">
                <input type="radio" name={`${id}-event`} value={value} checked={event === value} onChange={() => setEvent(value)} />
                {t(`revision.${value}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor={`${id}-year`} className="block font-medium">
            {t("revision.eventYear")}
          </label>
          <select
            id={`${id}-year`}
            value={eventYear}
            onChange={(e) => setEventYear(e.target.value)}
            className="mt-1 w-28 rounded border border-slate-400 bg-white px-2 py-1"
          >
            {eventYears.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>

      <h3 className="mt-4 font-semibold">{t("revision.goods")}</h3>
      {goods.length === 0 ? <p className="mt-1">{t("revision.none")}</p> : null}
      {goods.length > 0 ? (
        <ScrollBox label={t("revision.goods")} className="mt-2">
          <table className="w-full min-w-[24rem] text-left" data-testid="investment-goods">
            <caption className="sr-only">{t("revision.goods")}</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-3 font-medium">
                  {t("revision.name")}
                </th>
                <th scope="col" className="pr-3 text-right font-medium">
                  {t("revision.vat")}
                </th>
                <th scope="col" className="pr-3 font-medium">
                  {t("revision.firstUse")}
                </th>
                <th scope="col" className="pr-3 font-medium">
                  {t("revision.kind")}
                </th>
                {canWrite ? <td /> : null}
              </tr>
            </thead>
            <tbody>
              {goods.map((good) => (
                <tr key={good.id} className="border-t border-slate-100 align-top">
                  <th scope="row" className="pr-3 text-left font-normal">
                    {good.description}
                  </th>
                  <td className="pr-3 text-right whitespace-nowrap">{money(good.vatCents)}</td>
                  <td className="pr-3">{good.firstUseYear}</td>
                  <td className="pr-3">{t(good.kind === "IMMOVABLE" ? "revision.immovable" : "revision.movable")}</td>
                  {canWrite ? (
                    <td className="flex flex-wrap gap-2 py-1">
                      <button
                        type="button"
                        onClick={() => edit(good)}
                        disabled={pending}
                        className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100"
                      >
                        {t("revision.edit", { name: good.description })}
                      </button>
                      <button
                        type="button"
                        onClick={() => remove(good)}
                        disabled={pending}
                        className="rounded border border-red-700 px-2 py-1 text-red-800 hover:bg-red-50"
                      >
                        {t("revision.remove", { name: good.description })}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : null}

      {canWrite ? (
        <form
          className="mt-3 rounded border border-slate-200 p-3"
          aria-labelledby={`${id}-form-title`}
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
          noValidate
        >
          <h4 id={`${id}-form-title`} className="font-semibold">
            {editing ? t("revision.editTitle", { name: editing.description }) : t("revision.add")}
          </h4>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <Field
              id={`${id}-description`}
              label={t("revision.name")}
              value={draft.description}
              onChange={(e) => setDraft({ ...draft, description: e.target.value })}
              error={errors.description}
              maxLength={200}
            />
            <Field
              id={`${id}-vat`}
              label={t("revision.vat")}
              inputMode="decimal"
              value={draft.vat}
              onChange={(e) => setDraft({ ...draft, vat: e.target.value })}
              error={errors.vat}
            />
            <Field
              id={`${id}-first`}
              label={t("revision.firstUse")}
              type="number"
              min={1990}
              max={2100}
              value={draft.firstUseYear}
              onChange={(e) => setDraft({ ...draft, firstUseYear: e.target.value })}
              error={errors.firstUseYear}
            />
            <SelectField
              id={`${id}-kind`}
              label={t("revision.kind")}
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: e.target.value === "IMMOVABLE" ? "IMMOVABLE" : "MOVABLE" })}
              error={errors.kind}
            >
              <option value="MOVABLE">{t("revision.movable")}</option>
              <option value="IMMOVABLE">{t("revision.immovable")}</option>
            </SelectField>
          </div>
          <div className="mt-3 flex flex-wrap gap-2">
            <button
              type="submit"
              disabled={pending}
              className="rounded bg-brand-700 px-3 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
            >
              {pending ? t("revision.saving") : editing ? t("revision.saveChanges") : t("revision.save")}
            </button>
            {editing ? (
              <button type="button" onClick={reset} className="rounded border border-slate-400 px-3 py-2 hover:bg-slate-100">
                {t("revision.cancel")}
              </button>
            ) : null}
          </div>
        </form>
      ) : (
        <p className="mt-2 text-xs text-slate-700">{t("revision.readOnly")}</p>
      )}
      <p role="status" className="mt-2 min-h-5 font-medium">
        {status}
      </p>

      <div aria-live="polite">
        {years.length > 0 ? (
          <ScrollBox label={t("revision.resultTitle")} className="mt-2">
            <table className="w-full min-w-[24rem] text-left" data-testid="revision-table">
              <caption className="mb-1 text-left font-semibold">{t("revision.resultTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-3 font-medium">
                    {t("col.vatYear")}
                  </th>
                  {perGood.map(({ good }) => (
                    <th key={good.id} scope="col" className="pr-3 text-right font-medium">
                      {good.description}
                    </th>
                  ))}
                  <th scope="col" className="text-right font-medium">
                    {t("col.revision")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {years.map((y) => {
                  const total = perGood.reduce((sum, g) => sum + (g.schedule.find((s) => s.year === y)?.amountCents ?? 0), 0);
                  return (
                    <tr key={y} className="border-t border-slate-100">
                      <th scope="row" className="pr-3 text-left font-normal">
                        {y}
                      </th>
                      {perGood.map(({ good, schedule }) => {
                        const entry = schedule.find((s) => s.year === y);
                        return (
                          <td key={good.id} className="pr-3 text-right">
                            {entry === undefined
                              ? ""
                              : entry.skipped
                                ? t(`revision.skipped.${entry.skipped}`)
                                : money(Math.abs(entry.amountCents))}
                          </td>
                        );
                      })}
                      <td className="text-right font-semibold">
                        {total === 0 ? money(0) : `${money(Math.abs(total))} ${t(total < 0 ? "revision.repay" : "revision.claim")}`}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
        ) : null}
      </div>
    </div>
  );
}

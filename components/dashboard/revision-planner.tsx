"use client";
// Btw-herziening (revision of input VAT on investment goods) planner: the user lists
// goods and sees, per year, what joining or leaving the KOR repays or returns
// (lib/kor/revision, §3.6). Nothing is saved: the list lives in this page only.
import { useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { revisionSchedule, type RevisionYear } from "@/lib/kor/revision";
import { parseEuroInput } from "@/lib/dashboard/kor-comparison";
import { formatCents, toLanguage } from "./chart-format";
import { ScrollBox } from "./scroll-box";

type Good = { key: number; name: string; vat: string; firstUseYear: string; kind: "movable" | "immovable" };

export function RevisionPlanner({ year }: { year: number }) {
  const t = useTranslations("dashboard");
  const language = toLanguage(useLocale());
  const id = useId();
  const [event, setEvent] = useState<"join" | "leave">("join");
  const [eventYear, setEventYear] = useState(String(year + 1));
  const [goods, setGoods] = useState<Good[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const money = (cents: number) => formatCents(cents, language);

  const update = (key: number, patch: Partial<Good>) => setGoods((list) => list.map((g) => (g.key === key ? { ...g, ...patch } : g)));
  const add = () => {
    setGoods((list) => [...list, { key: nextKey, name: t("revision.defaultName", { n: nextKey }), vat: "", firstUseYear: String(year), kind: "movable" }]);
    setNextKey((n) => n + 1);
  };

  const eventYearNumber = Number(eventYear);
  const perGood: { good: Good; schedule: RevisionYear[] }[] = [];
  for (const good of goods) {
    const vatCents = parseEuroInput(good.vat);
    const firstUse = Number(good.firstUseYear);
    if (!vatCents || !Number.isInteger(firstUse) || firstUse < 1990 || !Number.isInteger(eventYearNumber) || eventYearNumber < 2000) continue;
    perGood.push({
      good,
      schedule: revisionSchedule({
        vatCents,
        firstUseYear: firstUse,
        kind: good.kind,
        event,
        eventYear: eventYearNumber,
        // Joining: from fully deductible to nothing; leaving: the other way round.
        deductibleBefore: event === "join" ? 1 : 0,
        deductibleAfter: event === "join" ? 0 : 1,
      }),
    });
  }
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
          <label htmlFor={`${id}-year`} className="block font-medium">{t("revision.eventYear")}</label>
          <input id={`${id}-year`} type="number" min={2000} max={2100} value={eventYear} onChange={(e) => setEventYear(e.target.value)} className="mt-1 w-28 rounded border border-slate-400 px-2 py-1" />
        </div>
      </div>
      <h3 className="mt-4 font-semibold">{t("revision.goods")}</h3>
      {goods.length === 0 ? <p className="mt-1">{t("revision.none")}</p> : null}
      <ul className="mt-2 space-y-3">
        {goods.map((good, index) => (
          <li key={good.key} className="grid gap-2 rounded border border-slate-200 p-2 sm:grid-cols-[1fr_8rem_8rem_10rem_auto] sm:items-end">
            <div>
              <label htmlFor={`${id}-${good.key}-name`} className="block text-xs font-medium">{t("revision.name")} ({index + 1})</label>
              <input id={`${id}-${good.key}-name`} value={good.name} onChange={(e) => update(good.key, { name: e.target.value })} className="w-full rounded border border-slate-400 px-2 py-1" />
            </div>
            <div>
              <label htmlFor={`${id}-${good.key}-vat`} className="block text-xs font-medium">{t("revision.vat")} ({index + 1})</label>
              <input id={`${id}-${good.key}-vat`} inputMode="decimal" value={good.vat} onChange={(e) => update(good.key, { vat: e.target.value })} className="w-full rounded border border-slate-400 px-2 py-1" />
            </div>
            <div>
              <label htmlFor={`${id}-${good.key}-first`} className="block text-xs font-medium">{t("revision.firstUse")} ({index + 1})</label>
              <input id={`${id}-${good.key}-first`} type="number" min={1990} max={2100} value={good.firstUseYear} onChange={(e) => update(good.key, { firstUseYear: e.target.value })} className="w-full rounded border border-slate-400 px-2 py-1" />
            </div>
            <div>
              <label htmlFor={`${id}-${good.key}-kind`} className="block text-xs font-medium">{t("revision.kind")} ({index + 1})</label>
              <select id={`${id}-${good.key}-kind`} value={good.kind} onChange={(e) => update(good.key, { kind: e.target.value === "immovable" ? "immovable" : "movable" })} className="w-full rounded border border-slate-400 px-2 py-1">
                <option value="movable">{t("revision.movable")}</option>
                <option value="immovable">{t("revision.immovable")}</option>
              </select>
            </div>
            <button type="button" onClick={() => setGoods((list) => list.filter((g) => g.key !== good.key))} className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100">
              {t("revision.remove", { name: good.name })}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={add} className="mt-3 rounded bg-brand-700 px-3 py-2 font-medium text-white hover:bg-brand-800">
        {t("revision.add")}
      </button>
      <div aria-live="polite">
        {years.length > 0 ? (
          <ScrollBox label={t("revision.resultTitle")} className="mt-4">
            <table className="w-full min-w-[24rem] text-left" data-testid="revision-table">
              <caption className="mb-1 text-left font-semibold">{t("revision.resultTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-3 font-medium">{t("col.vatYear")}</th>
                  {perGood.map(({ good }) => (
                    <th key={good.key} scope="col" className="pr-3 text-right font-medium">{good.name}</th>
                  ))}
                  <th scope="col" className="text-right font-medium">{t("col.revision")}</th>
                </tr>
              </thead>
              <tbody>
                {years.map((y) => {
                  const total = perGood.reduce((sum, g) => sum + (g.schedule.find((s) => s.year === y)?.amountCents ?? 0), 0);
                  return (
                    <tr key={y} className="border-t border-slate-100">
                      <th scope="row" className="pr-3 text-left font-normal">{y}</th>
                      {perGood.map(({ good, schedule }) => {
                        const entry = schedule.find((s) => s.year === y);
                        return (
                          <td key={good.key} className="pr-3 text-right">
                            {entry === undefined ? "" : entry.skipped ? t(`revision.skipped.${entry.skipped}`) : money(Math.abs(entry.amountCents))}
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
      <p className="mt-2 text-xs text-slate-700">{t("revision.notSaved")}</p>
    </div>
  );
}

"use client";
// Create or edit an invoice (or cash sale, advance payment, credit note). Whether it must
// carry VAT is the server's answer (lib/features/invoices/vat-advice.ts, the engine's view of the
// books with this invoice in its place), asked again as date, amount, category or the
// day's order change: inside the KOR no VAT; from the crossing invoice on the category's
// rate, with the reason. VAT inside the KOR, or none where VAT is due, asks for a
// confirmation (the latter with both remedies). The server validates; every field shows
// its own message.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { createInvoiceAction, updateInvoiceAction, vatAdviceAction } from "@/lib/features/invoices/actions";
import { usePreHydrationValues } from "@/components/forms/use-pre-hydration-values";
import { Field, SelectField, useErrorText } from "@/components/forms/field";
import { centsToInput, parseAmountToCents, parseRate, splitAmount, vatRateFor } from "@/components/invoices/amount";
import { formatCents, formatDate, toLanguage } from "@/lib/platform/i18n/format";
import { Button } from "@/components/ui/button";
import type { InvoiceDto } from "@/lib/features/invoices/invoice-dto";
import type { VatAdviceDto } from "@/lib/features/invoices/vat-advice";
import { REVENUE_KINDS, type RevenueKindJson } from "@/lib/features/invoices/invoice.types";
import { CATEGORIES, CATEGORY_LIST, EU_MEMBER_STATES, type Category } from "@/lib/kor";

export type CreditTarget = { id: string; number: string; date: string; customerName: string; category: Category; netCents: number };

type Props = {
  businessId: string;
  invoice?: InvoiceDto;
  suggestedNumber?: string;
  today: string;
  /** The advice for the form's first values, computed with the page. */
  initialAdvice: VatAdviceDto;
  creditTargets: CreditTarget[];
};

// Wait this long after the last change before asking the server again.
const ADVICE_DEBOUNCE_MS = 300;

const CURRENCIES = ["EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RON", "JPY", "CAD", "AUD"];
const FOREIGN_STATES = EU_MEMBER_STATES.filter((state) => state !== "NL");

export function InvoiceForm({ businessId, invoice, suggestedNumber, today, initialAdvice, creditTargets }: Props) {
  const t = useTranslations("invoiceForm");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const language = toLanguage(useLocale());
  const router = useRouter();
  const idPrefix = useId();
  const regionName = useMemo(() => new Intl.DisplayNames([language === "en" ? "en-GB" : "nl-NL"], { type: "region" }), [language]);

  const [number, setNumber] = useState(invoice?.number ?? suggestedNumber ?? "");
  const [kind, setKind] = useState<RevenueKindJson>(invoice?.kind ?? "invoice");
  const [date, setDate] = useState(invoice?.date ?? today);
  const [customerName, setCustomerName] = useState(invoice?.customer.name ?? "");
  const [customerCountry, setCustomerCountry] = useState(invoice?.customer.country ?? "NL");
  const [customerType, setCustomerType] = useState<"" | "business" | "consumer">(invoice?.customer.type ?? "");
  const [customerVatId, setCustomerVatId] = useState(invoice?.customer.vatId ?? "");
  const [description, setDescription] = useState(invoice?.description ?? "");
  const [category, setCategory] = useState<Category>(invoice?.category ?? "NL_STANDARD");
  const [mode, setMode] = useState<"excl" | "incl">("excl");
  const [amount, setAmount] = useState(invoice ? centsToInput(Math.abs(invoice.netCents), language) : "");
  // null: the advice's default (VAT once it is due); true/false: the user's choice.
  const [vatChoice, setVatChoice] = useState<boolean | null>(invoice ? invoice.vatCents !== 0 : null);
  const [sequenceText, setSequenceText] = useState(invoice?.sequence != null ? String(invoice.sequence) : "");
  const [advice, setAdvice] = useState<VatAdviceDto>(initialAdvice);
  const [adviceLoading, setAdviceLoading] = useState(false);
  const [confirm, setConfirm] = useState<{
    kind: "vatInKor" | "noVatDue";
    advice: VatAdviceDto;
    split: { netCents: number; vatCents: number };
  } | null>(null);
  const [country, setCountry] = useState(invoice?.country ?? "");
  const [currency, setCurrency] = useState(invoice?.currency ?? "EUR");
  const [foreignAmount, setForeignAmount] = useState(
    invoice?.foreignCents != null ? centsToInput(Math.abs(invoice.foreignCents), language) : "",
  );
  const [rateText, setRateText] = useState(invoice?.exchangeRate != null ? String(invoice.exchangeRate) : "");
  const [ancillary, setAncillary] = useState(invoice?.ancillary ?? false);
  const [creditsInvoiceId, setCreditsInvoiceId] = useState(invoice?.creditsInvoiceId ?? "");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<"idle" | "pending" | "confirm" | "error">("idle");

  const info = CATEGORIES[category];
  const ratePercent = vatRateFor(category, date);
  const inKor = advice.status === "participating";
  // Inside the KOR, or where VAT is due since the crossing, the user may choose (and is asked to confirm).
  const canChoose = advice.status !== "notInKor" && ratePercent !== null && ratePercent > 0;
  const chargeVat = canChoose ? (vatChoice ?? advice.mustChargeVat) : !inKor;
  const trimmedSequence = sequenceText.trim();
  const sequence = trimmedSequence === "" ? null : /^\d{1,7}$/.test(trimmedSequence) ? Number(trimmedSequence) : undefined;
  const foreign = currency !== "EUR";
  const exchangeRate = foreign ? parseRate(rateText) : null;
  const foreignCents = foreign ? parseAmountToCents(foreignAmount) : null;
  const amountCents = foreign
    ? foreignCents !== null && exchangeRate !== null
      ? Math.round(Math.abs(foreignCents) * exchangeRate)
      : null
    : parseAmountToCents(amount);
  const isCredit = kind === "credit_note";
  const split = amountCents === null ? null : splitAmount({ amountCents, mode, ratePercent, chargeVat, negative: isCredit });
  // The amount as typed: an amount including VAT is taken whole, so the advice errs towards a crossing.
  const adviceNetCents = amountCents === null ? 0 : (isCredit ? -1 : 1) * Math.abs(amountCents);
  const adviceCountry = info.needsCountry && country ? country : null;
  const adviceAncillary = info.ancillaryAllowed && ancillary;

  function adviceRequest(final: { netCents: number; vatCents: number } | null) {
    return {
      date,
      category,
      netCents: final ? final.netCents : adviceNetCents,
      ...(final ? { vatCents: final.vatCents } : {}),
      sequence: sequence ?? null,
      country: adviceCountry,
      ancillary: adviceAncillary,
      invoiceId: invoice?.id ?? null,
    };
  }

  // Ask again, debounced, whenever what decides the advice changes; a late answer to an older question is dropped.
  const asked = useRef(0);
  const firstRun = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: asks again only when what decides the advice changes (the list below), not on every render
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    // A confirmation asked for other values no longer holds.
    setStatus((current) => (current === "confirm" ? "idle" : current));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || sequence === undefined) return;
    const question = ++asked.current;
    setAdviceLoading(true);
    const timer = setTimeout(() => {
      void vatAdviceAction(businessId, adviceRequest(null)).then((result) => {
        if (question !== asked.current) return;
        setAdviceLoading(false);
        if (result.ok) setAdvice(result.data);
      });
    }, ADVICE_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      if (question === asked.current) setAdviceLoading(false);
    };
    // adviceRequest reads exactly these values.
  }, [businessId, date, category, adviceNetCents, sequence, adviceCountry, adviceAncillary, invoice?.id]);

  useEffect(() => {
    if (status === "confirm") document.getElementById(`${idPrefix}-confirm-save`)?.focus();
  }, [status, idPrefix]);

  const id = (name: string) => `${idPrefix}-${name}`;

  // What the user typed or chose while the page was still loading is what the form holds.
  usePreHydrationValues({
    [id("number")]: { value: number, set: setNumber },
    [id("kind")]: { value: kind, set: (value) => setKind(value as RevenueKindJson) },
    [id("date")]: { value: date, set: setDate },
    [id("sequence")]: { value: sequenceText, set: setSequenceText },
    [id("credits")]: { value: creditsInvoiceId, set: setCreditsInvoiceId },
    [id("customer-name")]: { value: customerName, set: setCustomerName },
    [id("customer-country")]: { value: customerCountry, set: (value) => setCustomerCountry(value.toUpperCase()) },
    [id("customer-type")]: { value: customerType, set: (value) => setCustomerType(value as "" | "business" | "consumer") },
    [id("customer-vat")]: { value: customerVatId, set: setCustomerVatId },
    [id("description")]: { value: description, set: setDescription },
    [id("category")]: { value: category, set: (value) => setCategory(value as Category) },
    [id("country")]: { value: country, set: setCountry },
    [id("ancillary")]: { value: ancillary, set: (value) => setAncillary(value === "true") },
    [id("currency")]: { value: currency, set: setCurrency },
    [id("mode-excl")]: { value: mode, set: (value) => setMode(value as "excl" | "incl") },
    [id("foreign")]: { value: foreignAmount, set: setForeignAmount },
    [id("rate")]: { value: rateText, set: setRateText },
    [id("amount")]: { value: amount, set: setAmount },
  });

  type Split = NonNullable<typeof split>;

  function buildInput(final: Split | null) {
    const sign = isCredit ? -1 : 1;
    return {
      number,
      kind,
      date,
      customer: {
        name: customerName,
        country: customerCountry,
        type: customerType,
        vatId: customerType === "business" ? customerVatId : "",
      },
      description,
      category,
      netCents: final ? final.netCents : null,
      vatCents: final ? final.vatCents : 0,
      country: info.needsCountry ? country : "",
      ancillary: info.ancillaryAllowed ? ancillary : false,
      sequence: sequence ?? null,
      currency,
      foreignCents: foreign ? (foreignCents === null ? null : sign * Math.abs(foreignCents)) : null,
      exchangeRate: foreign ? exchangeRate : null,
      creditsInvoiceId: isCredit && creditsInvoiceId ? creditsInvoiceId : null,
    };
  }

  async function save(final: Split | null) {
    setStatus("pending");
    const input = buildInput(final);
    const result = invoice ? await updateInvoiceAction(businessId, invoice.id, input) : await createInvoiceAction(businessId, input);
    if (!result.ok) {
      setFields(result.error.fields);
      setStatus("error");
      return;
    }
    const params = new URLSearchParams({
      year: result.data.date.slice(0, 4),
      status: invoice ? "updated" : "created",
      number: result.data.number,
    });
    router.push(`/businesses/${businessId}/invoices?${params.toString()}`);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (status === "confirm" && confirm) {
      await save(confirm.split);
      return;
    }
    if (!split || amountCents === null || sequence === undefined) {
      await save(split);
      return;
    }
    // The advice for exactly what is saved (a click may come before the debounced answer).
    // Where the user made no choice its default applies; VAT inside the KOR is payable
    // (§3.5) and none where it is due must be put right later (§3.3): both are allowed,
    // after a confirmation.
    setStatus("pending");
    const checked = await vatAdviceAction(businessId, adviceRequest({ netCents: split.netCents, vatCents: split.vatCents }));
    if (!checked.ok) {
      await save(split);
      return;
    }
    const fresh = checked.data;
    setAdvice(fresh);
    const freshCanChoose = fresh.status !== "notInKor" && ratePercent !== null && ratePercent > 0;
    const freshCharge = freshCanChoose ? (vatChoice ?? fresh.mustChargeVat) : fresh.status !== "participating";
    const final =
      freshCharge === chargeVat ? split : splitAmount({ amountCents, mode, ratePercent, chargeVat: freshCharge, negative: isCredit });
    const kind =
      fresh.status === "participating" && final.vatCents !== 0 ? "vatInKor" : fresh.remediation && final.vatCents === 0 ? "noVatDue" : null;
    if (kind) {
      setConfirm({ kind, advice: fresh, split: final });
      setStatus("confirm");
      return;
    }
    await save(final);
  }

  const pending = status === "pending";
  const amountError = fields.netCents ?? fields.vatCents;
  const targets = creditTargets.filter((target) => target.id !== invoice?.id);

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate aria-busy={pending}>
      {status === "error" ? (
        <p role="alert" className="rounded bg-red-50 p-3 font-medium text-red-800">
          {Object.keys(fields).length ? t("errorSummary") : errorText("validation.invalid")}
          {fields._ ? ` ${errorText(fields._)}` : null}
        </p>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          id={id("number")}
          label={t("number")}
          hint={invoice ? undefined : t("numberHint")}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          error={fields.number}
          required
          autoComplete="off"
        />
        <SelectField
          id={id("kind")}
          label={t("kind")}
          value={kind}
          onChange={(e) => setKind(e.target.value as RevenueKindJson)}
          error={fields.kind}
        >
          {REVENUE_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`kinds.${option}`)}
            </option>
          ))}
        </SelectField>
        <Field
          id={id("date")}
          type="date"
          label={t("date")}
          hint={t(`dateHint.${kind}`)}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={fields.date}
          required
        />
      </div>

      {advice.sameDay.length > 0 || trimmedSequence !== "" || fields.sequence ? (
        <Field
          id={id("sequence")}
          inputMode="numeric"
          label={t("sequence")}
          hint={
            advice.sameDay.length > 0
              ? t("sequenceHint", {
                  date: formatDate(date, language, "long"),
                  invoices: advice.sameDay
                    .map((other) =>
                      other.sequence === null
                        ? t("sequenceNone", { number: other.number })
                        : t("sequenceOf", { number: other.number, sequence: other.sequence }),
                    )
                    .join(", "),
                })
              : t("sequenceHintAlone")
          }
          value={sequenceText}
          onChange={(e) => setSequenceText(e.target.value)}
          error={fields.sequence ?? (sequence === undefined ? "validation.integer" : undefined)}
          className="sm:max-w-xs"
        />
      ) : null}

      {isCredit ? (
        <SelectField
          id={id("credits")}
          label={t("creditsInvoice")}
          hint={t("creditHint")}
          value={creditsInvoiceId}
          error={fields.creditsInvoiceId}
          onChange={(e) => {
            setCreditsInvoiceId(e.target.value);
            const target = targets.find((candidate) => candidate.id === e.target.value);
            if (target) {
              setCategory(target.category);
              if (!customerName) setCustomerName(target.customerName);
            }
          }}
        >
          <option value="">{t("creditsNone")}</option>
          {targets.map((target) => (
            <option key={target.id} value={target.id}>
              {`${target.number} — ${target.customerName} — ${formatDate(target.date, language)} — ${formatCents(target.netCents, language)}`}
            </option>
          ))}
        </SelectField>
      ) : null}

      <fieldset className="rounded-md border border-slate-200 p-4">
        <legend className="px-1 font-semibold">{t("customerTitle")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id={id("customer-name")}
            label={t("customerName")}
            value={customerName}
            onChange={(e) => setCustomerName(e.target.value)}
            error={fields["customer.name"]}
            required
            className="sm:col-span-2"
          />
          <Field
            id={id("customer-country")}
            label={t("customerCountry")}
            hint={t("customerCountryHint")}
            value={customerCountry}
            maxLength={2}
            autoCapitalize="characters"
            onChange={(e) => setCustomerCountry(e.target.value.toUpperCase())}
            error={fields["customer.country"]}
          />
          <SelectField
            id={id("customer-type")}
            label={t("customerType")}
            value={customerType}
            onChange={(e) => setCustomerType(e.target.value as "" | "business" | "consumer")}
            error={fields["customer.type"]}
          >
            <option value="">{t("customerTypeUnknown")}</option>
            <option value="business">{t("customerTypeBusiness")}</option>
            <option value="consumer">{t("customerTypeConsumer")}</option>
          </SelectField>
          {customerType === "business" ? (
            <Field
              id={id("customer-vat")}
              label={t("customerVatId")}
              hint={t("customerVatIdHint")}
              value={customerVatId}
              onChange={(e) => setCustomerVatId(e.target.value)}
              error={fields["customer.vatId"]}
            />
          ) : null}
        </div>
      </fieldset>

      <div>
        <label htmlFor={id("description")} className="block text-sm font-medium text-slate-800">
          {t("description")}
        </label>
        <textarea
          id={id("description")}
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          aria-invalid={fields.description ? true : undefined}
          aria-describedby={fields.description ? `${id("description")}-error` : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm"
        />
        {fields.description ? (
          <p id={`${id("description")}-error`} className="mt-1 text-sm font-medium text-red-700">
            {errorText(fields.description)}
          </p>
        ) : null}
      </div>

      <fieldset className="rounded-md border border-slate-200 p-4">
        <legend className="px-1 font-semibold">{t("categoryTitle")}</legend>
        <SelectField
          id={id("category")}
          label={t("category")}
          value={category}
          onChange={(e) => setCategory(e.target.value as Category)}
          error={fields.category}
          aria-describedby={id("category-explanation")}
        >
          {CATEGORY_LIST.map((option) => (
            <option key={option.code} value={option.code}>
              {option.label[language]}
            </option>
          ))}
        </SelectField>
        <div id={id("category-explanation")} aria-live="polite" className="mt-3 rounded-md bg-slate-50 p-3 text-sm">
          <p>{info.explanation[language]}</p>
          <p className="mt-2">
            <span
              className={`mr-2 inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${info.countsForKor ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-800"}`}
            >
              {info.countsForKor ? t("counts") : t("notCounts")}
            </span>
            {info.countReason[language]}
          </p>
        </div>
        {info.needsCountry ? (
          <SelectField
            id={id("country")}
            className="mt-4"
            label={t("country")}
            hint={t("countryHint")}
            value={country}
            onChange={(e) => setCountry(e.target.value)}
            error={fields.country}
          >
            <option value="">{t("chooseCountry")}</option>
            {FOREIGN_STATES.map((state) => (
              <option key={state} value={state}>
                {`${regionName.of(state) ?? state} (${state})`}
              </option>
            ))}
          </SelectField>
        ) : null}
        {info.ancillaryAllowed ? (
          <div className="mt-4">
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                id={id("ancillary")}
                className="mt-1"
                checked={ancillary}
                onChange={(e) => setAncillary(e.target.checked)}
                aria-describedby={id("ancillary-hint")}
              />
              <span>{t("ancillary")}</span>
            </label>
            <p id={id("ancillary-hint")} className="mt-1 text-sm text-amber-800">
              {t("ancillaryHint")}
            </p>
            {fields.ancillary ? <p className="mt-1 text-sm font-medium text-red-700">{errorText(fields.ancillary)}</p> : null}
          </div>
        ) : null}
      </fieldset>

      <fieldset className="rounded-md border border-slate-200 p-4">
        <legend className="px-1 font-semibold">{t("amountTitle")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id={id("currency")}
            label={t("currency")}
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
            error={fields.currency}
          >
            {CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </SelectField>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t("amountMode")}</legend>
            <div className="mt-2 flex flex-wrap gap-4">
              {(["excl", "incl"] as const).map((option) => (
                <label key={option} className="flex items-center gap-2">
                  <input
                    type="radio"
                    id={id(`mode-${option}`)}
                    name={id("mode")}
                    value={option}
                    checked={mode === option}
                    onChange={() => setMode(option)}
                  />
                  {t(`mode.${option}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {foreign ? (
            <>
              <Field
                id={id("foreign")}
                inputMode="decimal"
                label={t("foreignAmount", { currency })}
                value={foreignAmount}
                onChange={(e) => setForeignAmount(e.target.value)}
                error={fields.foreignCents}
              />
              <Field
                id={id("rate")}
                inputMode="decimal"
                label={t("exchangeRate", { currency })}
                hint={t("exchangeRateHint")}
                value={rateText}
                onChange={(e) => setRateText(e.target.value)}
                error={fields.exchangeRate}
              />
              {amountError ? <p className="text-sm font-medium text-red-700 sm:col-span-2">{errorText(amountError)}</p> : null}
            </>
          ) : (
            <Field
              id={id("amount")}
              inputMode="decimal"
              label={mode === "excl" ? t("amountExcl") : t("amountIncl")}
              hint={isCredit ? t("creditAmountHint") : t("amountHint")}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              error={amountError}
              required
              className="sm:col-span-2"
            />
          )}
        </div>

        <div
          className={`mt-4 rounded-md p-3 text-sm ${advice.mustChargeVat && advice.status !== "notInKor" ? "bg-amber-50 text-amber-950" : "bg-brand-50"}`}
          data-testid="vat-advice"
          aria-busy={adviceLoading}
        >
          <p role="status" aria-live="polite" className={`font-medium ${adviceLoading ? "opacity-60" : ""}`}>
            {advice.reason[language]}
            {adviceLoading ? <span className="ml-2 text-xs font-normal text-slate-600">{t("adviceLoading")}</span> : null}
          </p>
          {canChoose ? (
            <label className="mt-2 flex items-center gap-2">
              <input type="checkbox" checked={chargeVat} onChange={(e) => setVatChoice(e.target.checked)} />
              {inKor ? t("chargeVatAnyway", { rate: ratePercent }) : t("chargeVat", { rate: ratePercent })}
            </label>
          ) : null}
        </div>

        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" aria-live="polite" aria-label={t("computed")}>
          <dt className="text-slate-600">{t("netLabel")}</dt>
          <dd className="font-semibold tabular-nums">{split ? formatCents(split.netCents, language) : "—"}</dd>
          <dt className="text-slate-600">{chargeVat && ratePercent ? t("vatLabelRate", { rate: ratePercent }) : t("vatLabel")}</dt>
          <dd className="font-semibold tabular-nums">{split ? formatCents(split.vatCents, language) : "—"}</dd>
          <dt className="text-slate-600">{t("grossLabel")}</dt>
          <dd className="font-semibold tabular-nums">{split ? formatCents(split.netCents + split.vatCents, language) : "—"}</dd>
        </dl>
      </fieldset>

      {status === "confirm" && split && confirm ? (
        <div
          role="alertdialog"
          aria-labelledby={id("confirm-title")}
          aria-describedby={id("confirm-text")}
          className="rounded-md border border-amber-400 bg-amber-50 p-4"
        >
          <h2 id={id("confirm-title")} className="font-semibold text-amber-900">
            {confirm.kind === "vatInKor" ? t("confirmTitle") : t("confirmNoVatTitle")}
          </h2>
          <p id={id("confirm-text")} className="mt-1 text-sm text-amber-900">
            {confirm.kind === "vatInKor"
              ? t("confirmText", { vat: formatCents(confirm.split.vatCents, language) })
              : t("confirmNoVatText", {
                  reason: confirm.advice.reason[language],
                  reinvoice: formatCents(confirm.advice.remediation?.reinvoiceVatCents ?? 0, language),
                  absorb: formatCents(confirm.advice.remediation?.absorbedVatCents ?? 0, language),
                })}
          </p>
          <div className="mt-3 flex flex-wrap gap-3">
            <Button id={id("confirm-save")} type="submit">
              {confirm.kind === "vatInKor" ? t("confirmSave") : t("confirmNoVatSave")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setStatus("idle")}>
              {t("confirmBack")}
            </Button>
          </div>
        </div>
      ) : null}

      <div className="flex flex-wrap items-center gap-4">
        {status !== "confirm" ? (
          <Button type="submit" disabled={pending} aria-busy={pending}>
            {pending ? tc("saving") : t("save")}
          </Button>
        ) : null}
        <Link href={`/businesses/${businessId}/invoices`} className="text-sm font-medium text-brand-700 underline">
          {tc("cancel")}
        </Link>
      </div>
    </form>
  );
}

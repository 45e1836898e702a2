"use client";
// One turnover candidate: the payment, and the user's decision — book it as turnover with
// a category (and optionally the invoice's own date; for a payment in another currency its
// value in euros or the rate), or not — optionally remembered for the counterparty. The decision goes to the review API; the parent hears the new line.
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/forms/field";
import type { BankLineDto } from "@/lib/features/bank/bank-import.types";
import type { ImportError } from "@/components/import/stream-import";
import { parseAmountToCents, parseRate } from "@/components/invoices/amount";

export type CategoryOption = { code: string; label: string; needsCountry: boolean };
type Props = {
  businessId: string;
  line: BankLineDto;
  categories: CategoryOption[];
  money: (cents: number, currency: string) => string;
  dateInWords: (date: string) => string;
  onDecided: (line: BankLineDto, message: string) => void;
};

export function BankLineReview({ businessId, line, categories, money, dateInWords, onDecided }: Props) {
  const t = useTranslations("bank.page");
  const errorText = useErrorText();
  const id = useId();
  const [category, setCategory] = useState(line.rule?.category ?? "");
  const [date, setDate] = useState("");
  const [country, setCountry] = useState("");
  const [remember, setRemember] = useState(false);
  const [euroText, setEuroText] = useState("");
  const [rateText, setRateText] = useState("");
  const foreign = line.currency !== "EUR";
  const [busy, setBusy] = useState<"accept" | "reject" | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const name = line.counterpartyName ?? line.counterpartyIban ?? t("unknownCounterparty");
  const needsCountry = categories.find((option) => option.code === category)?.needsCountry ?? false;

  async function decide(action: "accept" | "reject") {
    setBusy(action);
    setFailure(null);
    setErrors({});
    const body =
      action === "accept"
        ? {
            category,
            ...(date ? { date } : {}),
            ...(needsCountry && country ? { country } : {}),
            // What cannot be read is sent as typed, so the server names the field.
            ...(foreign && euroText.trim() ? { euroCents: parseAmountToCents(euroText) ?? euroText } : {}),
            ...(foreign && rateText.trim() ? { exchangeRate: parseRate(rateText) ?? rateText } : {}),
            remember,
          }
        : { remember };
    const response = await fetch(`/api/v1/businesses/${businessId}/bank-lines/${line.id}/${action}`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    const answer = response
      ? ((await response.json().catch(() => null)) as { data?: BankLineDto; invoice?: { number: string }; error?: ImportError } | null)
      : null;
    setBusy(null);
    if (!response?.ok || !answer?.data) {
      const keys = answer?.error?.fieldKeys ?? {};
      setErrors(Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, errorText(key) ?? key])));
      setFailure(
        t("decideFailed", {
          message:
            Object.values(keys)
              .map((key) => errorText(key))
              .join(" ") ||
            answer?.error?.message ||
            "",
        }),
      );
      return;
    }
    onDecided(answer.data, action === "accept" ? t("accepted", { number: answer.invoice?.number ?? "" }) : t("rejected"));
  }

  return (
    <li className="rounded-lg border border-slate-200 p-4" aria-labelledby={`${id}-name`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`${id}-name`} className="font-semibold break-words">
          {name}
        </h3>
        <p className="font-semibold tabular-nums">
          {money(line.amountCents, line.currency)}
          {line.originalAmount ? (
            <span className="ml-2 text-sm font-normal text-slate-600">
              ({t("originalAmount", { amount: money(line.originalAmount.amountCents, line.originalAmount.currency) })})
            </span>
          ) : null}
        </p>
      </div>
      <p className="text-sm text-slate-600">
        <time dateTime={line.bookingDate}>{dateInWords(line.bookingDate)}</time>
        {line.counterpartyIban && line.counterpartyName ? <span className="ml-2 break-all">{line.counterpartyIban}</span> : null}
      </p>
      {line.description ? <p className="mt-1 text-sm break-words">{line.description}</p> : null}
      <form
        className="mt-3 grid gap-3 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          void decide("accept");
        }}
      >
        <div>
          <label htmlFor={`${id}-category`} className="block text-sm font-medium">
            {t("category")}
          </label>
          <select
            id={`${id}-category`}
            value={category}
            onChange={(event) => setCategory(event.target.value)}
            required
            aria-invalid={errors.category ? true : undefined}
            aria-describedby={errors.category ? `${id}-category-error` : undefined}
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-2 text-sm"
          >
            <option value="">{t("chooseCategory")}</option>
            {categories.map((option) => (
              <option key={option.code} value={option.code}>
                {option.label}
              </option>
            ))}
          </select>
          {errors.category ? (
            <p id={`${id}-category-error`} className="mt-1 text-sm text-red-700">
              {errors.category}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor={`${id}-date`} className="block text-sm font-medium">
            {t("invoiceDate")}
          </label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
            aria-describedby={`${id}-date-hint${errors.date ? ` ${id}-date-error` : ""}`}
            aria-invalid={errors.date ? true : undefined}
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-2 text-sm"
          />
          <p id={`${id}-date-hint`} className="mt-1 text-xs text-slate-600">
            {t("invoiceDateHint", { date: dateInWords(line.bookingDate) })}
          </p>
          {errors.date ? (
            <p id={`${id}-date-error`} className="mt-1 text-sm text-red-700">
              {errors.date}
            </p>
          ) : null}
        </div>
        {needsCountry ? (
          <div>
            <label htmlFor={`${id}-country`} className="block text-sm font-medium">
              {t("country")}
            </label>
            <input
              id={`${id}-country`}
              value={country}
              maxLength={2}
              onChange={(event) => setCountry(event.target.value.toUpperCase())}
              aria-invalid={errors.country ? true : undefined}
              aria-describedby={errors.country ? `${id}-country-error` : undefined}
              className="mt-1 w-24 rounded-md border border-slate-300 px-2 py-2 text-sm uppercase"
            />
            {errors.country ? (
              <p id={`${id}-country-error`} className="mt-1 text-sm text-red-700">
                {errors.country}
              </p>
            ) : null}
          </div>
        ) : null}
        {foreign ? (
          <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-2" aria-describedby={`${id}-foreign-hint`}>
            <legend className="text-sm font-medium">{t("foreignTitle")}</legend>
            <p id={`${id}-foreign-hint`} className="text-xs text-slate-600 sm:col-span-2">
              {t("foreignHint", { currency: line.currency })}
            </p>
            <div>
              <label htmlFor={`${id}-euro`} className="block text-sm font-medium">
                {t("euroAmount")}
              </label>
              <input
                id={`${id}-euro`}
                inputMode="decimal"
                autoComplete="off"
                value={euroText}
                onChange={(event) => setEuroText(event.target.value)}
                aria-invalid={errors.euroCents ? true : undefined}
                aria-describedby={errors.euroCents ? `${id}-euro-error` : undefined}
                className="mt-1 w-full rounded-md border border-slate-300 px-2 py-2 text-sm"
              />
              {errors.euroCents ? (
                <p id={`${id}-euro-error`} className="mt-1 text-sm text-red-700">
                  {errors.euroCents}
                </p>
              ) : null}
            </div>
            <div>
              <label htmlFor={`${id}-rate`} className="block text-sm font-medium">
                {t("exchangeRate", { currency: line.currency })}
              </label>
              <input
                id={`${id}-rate`}
                inputMode="decimal"
                autoComplete="off"
                value={rateText}
                onChange={(event) => setRateText(event.target.value)}
                aria-invalid={errors.exchangeRate ? true : undefined}
                aria-describedby={errors.exchangeRate ? `${id}-rate-error` : undefined}
                className="mt-1 w-full rounded-md border border-slate-300 px-2 py-2 text-sm"
              />
              {errors.exchangeRate ? (
                <p id={`${id}-rate-error`} className="mt-1 text-sm text-red-700">
                  {errors.exchangeRate}
                </p>
              ) : null}
            </div>
          </fieldset>
        ) : null}
        <div className="flex items-center gap-2 sm:col-span-2">
          <input
            id={`${id}-remember`}
            type="checkbox"
            checked={remember}
            onChange={(event) => setRemember(event.target.checked)}
            className="h-4 w-4"
          />
          <label htmlFor={`${id}-remember`} className="text-sm">
            {t("remember", { name })}
          </label>
        </div>
        <div className="flex flex-wrap gap-2 sm:col-span-2">
          <Button type="submit" disabled={busy !== null}>
            {t("accept")}
          </Button>
          <Button type="button" variant="secondary" disabled={busy !== null} onClick={() => void decide("reject")}>
            {t("reject")}
          </Button>
        </div>
        {failure ? (
          <p role="alert" className="text-sm text-red-700 sm:col-span-2">
            {failure}
          </p>
        ) : null}
      </form>
    </li>
  );
}

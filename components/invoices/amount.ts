// Parsing what people type as an amount ("1.234,56", "1234.56", "€ 80") into cents,
// and the net/VAT split the invoice form shows while typing.
import { categoryVatRatePercent, vatContained, vatOnTop, type Category } from "@/lib/kor";

/** Cents of a typed euro amount, or null when it is not one. Both "," and "." decimals. */
export function parseAmountToCents(text: string): number | null {
  let value = text.replace(/[€\s\u00a0]/g, "");
  if (value === "") return null;
  const negative = value.startsWith("-");
  if (negative) value = value.slice(1);
  const lastComma = value.lastIndexOf(",");
  const lastDot = value.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    // The later separator is the decimal one; the other groups thousands.
    const decimal = lastComma > lastDot ? "," : ".";
    const group = decimal === "," ? "." : ",";
    value = value.split(group).join("").replace(decimal, ".");
  } else if (lastComma >= 0) {
    value = /^\d{1,3}(,\d{3})+$/.test(value) && value.split(",").length > 2 ? value.split(",").join("") : value.replace(",", ".");
  } else if (/^\d{1,3}(\.\d{3})+$/.test(value)) {
    // "1.234" in a Dutch form is a thousand two hundred and thirty-four euros.
    value = value.split(".").join("");
  }
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return null;
  const [whole, fraction = ""] = value.split(".");
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) return null;
  return negative ? -cents : cents;
}

/** "1234,56" / "1234.56" for an input's starting value. */
export function centsToInput(cents: number, language: "nl" | "en"): string {
  const abs = Math.abs(cents);
  const text = `${Math.floor(abs / 100)}${language === "nl" ? "," : "."}${String(abs % 100).padStart(2, "0")}`;
  return cents < 0 ? `-${text}` : text;
}

/** A typed exchange rate ("1,0834" or "1.0834"), or null. */
export function parseRate(text: string): number | null {
  const value = text.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(value)) return null;
  const rate = Number(value);
  return rate > 0 ? rate : null;
}

export function vatRateFor(category: Category, date: string): number | null {
  const year = Number(date.slice(0, 4));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isInteger(year)) return null;
  try {
    return categoryVatRatePercent(category, year);
  } catch {
    // A year outside the rule table: no rate to compute with; the server decides.
    return null;
  }
}

/** Net and VAT of an entered amount: excluding VAT (VAT on top) or including it (VAT contained). */
export function splitAmount(options: {
  amountCents: number;
  mode: "excl" | "incl";
  ratePercent: number | null;
  chargeVat: boolean;
  negative: boolean;
}): {
  netCents: number;
  vatCents: number;
} {
  const { mode, ratePercent, chargeVat, negative } = options;
  const amount = Math.abs(options.amountCents);
  const rate = chargeVat && ratePercent ? ratePercent : 0;
  const vat = rate === 0 ? 0 : mode === "excl" ? vatOnTop(amount, rate) : vatContained(amount, rate);
  const net = mode === "excl" ? amount : amount - vat;
  const sign = negative ? -1 : 1;
  return { netCents: net === 0 ? 0 : sign * net, vatCents: vat === 0 ? 0 : sign * vat };
}

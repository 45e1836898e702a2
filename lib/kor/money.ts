// Money helpers: integer-cent rounding and the euro formatting used in alert messages.

import type { Cents } from "./types";

/** Whole cents, halves away from zero (§3.3); never returns -0. */
export function roundHalfAwayFromZero(value: number): Cents {
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  return rounded === 0 ? 0 : rounded;
}

/** VAT on top of a net amount: round(net × rate / 100), exact for integer cents. */
export function vatOnTop(netCents: Cents, ratePercent: number): Cents {
  return roundRatio(netCents * ratePercent, 100);
}

/** VAT contained in a gross amount: round(amount × rate / (100 + rate)) — 21/121 at 21%. */
export function vatContained(amountCents: Cents, ratePercent: number): Cents {
  return roundRatio(amountCents * ratePercent, 100 + ratePercent);
}

// Integer numerator and denominator: floor((2n + d) / 2d) rounds half up without float drift.
function roundRatio(numerator: number, denominator: number): Cents {
  const sign = numerator < 0 ? -1 : 1;
  const n = Math.abs(numerator);
  const rounded = Math.floor((2 * n + denominator) / (2 * denominator));
  return rounded === 0 ? 0 : sign * rounded;
}

function pad3(n: number): string {
  return n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n);
}

function groupThousands(whole: number, separator: string): string {
  if (whole < 1000) return String(whole);
  if (whole < 1e6) return `${Math.floor(whole / 1000)}${separator}${pad3(whole % 1000)}`;
  let out = pad3(whole % 1000);
  let rest = Math.floor(whole / 1000);
  while (rest >= 1000) {
    out = `${pad3(rest % 1000)}${separator}${out}`;
    rest = Math.floor(rest / 1000);
  }
  return `${rest}${separator}${out}`;
}

/**
 * "€ 19.950,00" (nl-NL) or "€19,950.00" (English), exactly as Intl.NumberFormat writes
 * them (a unit test holds the two together). Written out because Intl formatting was
 * the largest cost of evaluating a thousand small businesses.
 */
export function formatEuro(cents: Cents, language: "nl" | "en"): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.round(cents));
  const cent = abs % 100;
  const fraction = cent < 10 ? `0${cent}` : String(cent);
  if (language === "nl") return `€\u00a0${negative ? "-" : ""}${groupThousands(Math.floor(abs / 100), ".")},${fraction}`;
  return `${negative ? "-" : ""}€${groupThousands(Math.floor(abs / 100), ",")}.${fraction}`;
}

/**
 * The share of a limit reached, in percent with one decimal, rounded DOWN: the one
 * rounding rule for the dashboard, the accountant's overview and the mails, so they
 * never disagree and never say "100%" before the limit is actually reached.
 */
export function percentOfLimit(cents: Cents, limitCents: Cents): number {
  if (limitCents <= 0) return 0;
  return Math.floor((cents * 1000) / limitCents) / 10;
}

/** "99,9" / "99.9": a percentage as {@link percentOfLimit} gives it, in the reader's language. */
export function formatPercent(percent: number, language: "nl" | "en"): string {
  const [whole, tenth] = (Math.round(percent * 10) / 10).toFixed(1).split(".") as [string, string];
  if (tenth === "0") return whole;
  return `${whole}${language === "nl" ? "," : "."}${tenth}`;
}

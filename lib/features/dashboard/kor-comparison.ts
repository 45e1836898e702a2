// "Should I be in the KOR?": the yearly money effect of being in or out of the KOR for a
// business's own figures. Inside the KOR a business charges no VAT and deducts none
// (docs/domain/KOR-RULES.md §3.5). Outside it charges VAT: business customers deduct that VAT, so it
// goes on top of the price at no cost to anyone; consumers cannot, so — prices kept the
// same — the VAT comes out of the price the business keeps. In exchange it deducts the
// VAT on its own costs. Pure; amounts in integer cents.
import { vatContained, vatOnTop } from "@/lib/kor";
import type { SalesAtRate } from "./dashboard.types";

export type KorComparisonInput = {
  /** Counted sales per Dutch VAT rate, at today's prices (without VAT). */
  salesByRate: SalesAtRate[];
  /** Yearly VAT paid on costs and investments, deductible only outside the KOR. */
  inputVatCents: number;
  /** Share of sales to VAT-registered business customers, 0 to 1. */
  businessCustomerShare: number;
};

export type KorComparison = {
  /** VAT charged on top to business customers outside the KOR: collected and paid on, no money effect. */
  vatPassedOnCents: number;
  /** VAT that comes out of consumer prices outside the KOR. */
  vatFromConsumerPricesCents: number;
  /** Input VAT reclaimed outside the KOR. */
  inputVatReclaimedCents: number;
  /** Yearly result of being outside the KOR compared with inside: positive means outside pays more. */
  outsideMinusInsideCents: number;
  verdict: "inside" | "outside" | "even";
};

function clampShare(share: number): number {
  if (!Number.isFinite(share)) return 0;
  return Math.min(1, Math.max(0, share));
}

export function compareKor(input: KorComparisonInput): KorComparison {
  const share = clampShare(input.businessCustomerShare);
  const inputVat = Math.max(0, Math.round(input.inputVatCents));
  let vatPassedOnCents = 0;
  let vatFromConsumerPricesCents = 0;
  for (const { ratePercent, netCents } of input.salesByRate) {
    if (ratePercent <= 0 || netCents <= 0) continue;
    const businessNet = Math.round(netCents * share);
    vatPassedOnCents += vatOnTop(businessNet, ratePercent);
    // The consumer price stays what it is, so it now contains the VAT: 21/121 of it at 21%.
    vatFromConsumerPricesCents += vatContained(netCents - businessNet, ratePercent);
  }
  const outsideMinusInsideCents = inputVat - vatFromConsumerPricesCents;
  return {
    vatPassedOnCents,
    vatFromConsumerPricesCents,
    inputVatReclaimedCents: inputVat,
    outsideMinusInsideCents,
    verdict: outsideMinusInsideCents > 0 ? "outside" : outsideMinusInsideCents < 0 ? "inside" : "even",
  };
}

/** "21,5" or "21.5" (euros as typed) → cents; null when it is not an amount. */
export function parseEuroInput(text: string): number | null {
  const trimmed = text.trim().replace(/^€\s*/, "").replace(/\s/g, "");
  if (trimmed === "") return 0;
  // Dutch: 1.234,56; English: 1,234.56. The last separator followed by 1–2 digits is the decimal one.
  const match = /^(\d{1,3}(?:[.,]\d{3})*|\d+)(?:([.,])(\d{1,2}))?$/.exec(trimmed);
  if (!match) return null;
  const whole = match[1]!.replace(/[.,]/g, "");
  const fraction = (match[3] ?? "").padEnd(2, "0");
  return Number(whole) * 100 + Number(fraction || "0");
}

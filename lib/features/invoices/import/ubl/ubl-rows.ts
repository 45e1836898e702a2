// One UBL document as rows of the sales import (the same cells a CSV row has, so the same
// preview, review, VAT advice and commit handle them). Amounts in cents exactly, checked
// against each other (EN 16931 BR-CO-13/14/15); a credit note negative; euro amounts from
// the tax currency (TaxCurrencyCode EUR) or the document's exchange rate. Drempel keeps one
// category per invoice, so a document with several VAT categories becomes one invoice per
// category, numbered `<number>/<code><rate>` (e.g. F-7/S21 and F-7/E), each with its own
// taxable amount and VAT: the parts together are the document. The amounts per category
// (ublParts) are shared with the purchase import (lib/features/purchases/e-invoices).
import type { ImportField } from "@/lib/features/invoices/import/import.types";
import { parseDate } from "@/lib/features/invoices/import/parse-values";
import type { UblDocument } from "@/lib/features/invoices/import/ubl/read-ubl";

export type UblCells = Partial<Record<ImportField, string>>;
/** A document's rows; `notes`: i18n keys the preview shows beside them. */
export type UblRows =
  | { ok: true; rows: { cells: UblCells; notes: string[]; parts: number }[]; number: string; references: string[] }
  | { ok: false; errors: Record<string, string>; number: string | null; date: string | null; customerName: string | null };

const AMOUNT = /^-?\d{1,12}(\.\d{1,2})?$/;

/** "1234.5" → 123450; null when it is no amount with at most two decimals (EN 16931 BR-DEC). */
export function ublCents(raw: string): number | null {
  const value = raw.trim();
  if (!AMOUNT.test(value)) return null;
  const negative = value.startsWith("-");
  const [whole, fraction = ""] = value.replace("-", "").split(".");
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return negative ? -cents : cents;
}

/** round(a × b / c), half away from zero, exact in integers. */
function mulDiv(a: number, b: bigint, c: bigint): number {
  const numerator = BigInt(a) * b;
  const negative = numerator < 0n !== c < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = c < 0n ? -c : c;
  const q = (n * 2n + d) / (2n * d);
  return Number(negative ? -q : q);
}

/** A decimal rate as a fraction of integers ("0.92" → 92/100). */
function fraction(rate: string): { num: bigint; den: bigint } | null {
  const match = /^(\d{1,10})(?:\.(\d{1,12}))?$/.exec(rate.trim());
  if (!match) return null;
  const decimals = match[2] ?? "";
  const num = BigInt(`${match[1]}${decimals}`);
  if (num === 0n) return null;
  return { num, den: 10n ** BigInt(decimals.length) };
}

const centsText = (cents: number) => String(cents);
const decimalText = (cents: number) =>
  `${cents < 0 ? "-" : ""}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, "0")}`;
/** A rate with at most 8 decimals (what an invoice stores). */
const rateText = (num: bigint, den: bigint) => {
  const scaled = (num * 10n ** 8n * 2n + den) / (2n * den);
  const whole = scaled / 10n ** 8n;
  const rest = String(scaled % 10n ** 8n)
    .padStart(8, "0")
    .replace(/0+$/, "");
  return rest ? `${whole}.${rest}` : String(whole);
};

/** Spreads a total over parts in proportion to weights, the rounding difference on the largest part. */
function spread(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const parts = weights.map((weight) => mulDiv(total, BigInt(weight), BigInt(sum)));
  const largest = weights.reduce((best, weight, i) => (Math.abs(weight) > Math.abs(weights[best]!) ? i : best), 0);
  parts[largest]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

const VAT_ID = /^[A-Z]{2}[0-9A-Z]{2,13}$/;

/** One VAT category of a document: its amounts in euro cents, signed (a credit note negative). */
export type UblPart = {
  code: string;
  /** The rate as written without trailing zeros ("21", "9", "0"); "" when the document gives none. */
  percent: string;
  exemptionCode: string;
  exemptionReason: string;
  netCents: number;
  vatCents: number;
  /** The taxable amount in the document's currency, signed (for a document not in euro). */
  foreignCents: number;
};

/**
 * A document's amounts per VAT category, shared by the sales and the purchase import:
 * checked against each other to the cent, converted to euro, and signed. `documentNetCents`
 * is the document's own net total, signed: negative for a credit note.
 */
export type UblParts =
  | { ok: true; date: string; currency: string; exchangeRate: string | null; sign: 1 | -1; documentNetCents: number; parts: UblPart[] }
  | { ok: false; errors: Record<string, string>; number: string | null; date: string | null };

/** The suffix a part of a split document carries for its VAT category: S21, S9, E, AE… */
export const partSuffix = (code: string, percent: string) => `${code}${code === "S" || (percent !== "" && percent !== "0") ? percent : ""}`;

/** The description of a document or of its lines of one VAT category (null: all lines). */
export function describeUblDocument(document: UblDocument, code: string | null, percent: string | null): string {
  const names = document.lines
    .filter((line) => code === null || (line.code === code && Number(line.percent || "0") === Number(percent || "0")))
    .map((line) => line.name)
    .filter(Boolean);
  const text = names.length ? names.join("; ") : document.note;
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

export function ublParts(document: UblDocument): UblParts {
  const date = parseDate(document.taxPointDate || document.issueDate);
  const base = { number: document.number || null, date };
  const errors: Record<string, string> = {};
  if (!date) errors.date = document.issueDate ? "validation.date" : "validation.required";
  const currency = document.currency || "EUR";
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = "validation.currency";

  const net = ublCents(document.totals.taxExclusive);
  const vat = ublCents(document.taxAmount || "0");
  const gross = ublCents(document.totals.taxInclusive);
  if (net === null) errors.netAmount = "validation.amount";
  if (vat === null) errors.vatAmount = "validation.amount";
  if (gross === null) errors.grossAmount = "validation.amount";
  const subtotals = document.subtotals.map((subtotal) => ({
    ...subtotal,
    taxableCents: ublCents(subtotal.taxable),
    taxCents: ublCents(subtotal.tax || "0"),
  }));
  if (subtotals.length === 0) errors.vatCategoryCode = "importEInvoices.errors.noTaxBreakdown";
  if (subtotals.some((subtotal) => subtotal.taxableCents === null || subtotal.taxCents === null)) errors.netAmount ??= "validation.amount";
  if (Object.keys(errors).length) return { ok: false, errors, ...base };

  // The document's own sums (BR-CO-15, BR-CO-14 and the breakdown against the total).
  if (net! + vat! !== gross) errors.grossAmount = "importEInvoices.errors.totalsMismatch";
  if (subtotals.reduce((sum, s) => sum + s.taxableCents!, 0) !== net) errors.netAmount = "importEInvoices.errors.totalsMismatch";
  if (subtotals.reduce((sum, s) => sum + s.taxCents!, 0) !== vat) errors.vatAmount = "importEInvoices.errors.totalsMismatch";
  if (Object.keys(errors).length) return { ok: false, errors, ...base };

  // A credit note's amounts are positive in UBL; Drempel's are negative. So is a 381 in an Invoice.
  const sign = document.root === "CreditNote" || document.typeCode === "381" ? -1 : 1;

  // Euro amounts: the document's own when in euro; else the VAT in the tax currency (EUR)
  // and the rate it implies, or the document's exchange rate.
  let toEuro: { num: bigint; den: bigint } | null = { num: 1n, den: 1n };
  let vatEuro = vat!;
  let rate: string | null = null;
  if (currency !== "EUR") {
    toEuro = null;
    const given = document.exchangeRate;
    if (given && given.source === currency && given.target === "EUR") {
      const f = fraction(given.rate);
      if (f) toEuro = given.operator.toLowerCase() === "divide" ? { num: f.den, den: f.num } : f;
    }
    const euroVat = document.taxCurrency === "EUR" ? ublCents(document.taxAmountInTaxCurrency) : null;
    if (document.taxCurrency === "EUR" && euroVat === null)
      return { ok: false, errors: { vatAmount: "importEInvoices.errors.noEuroAmount" }, ...base };
    if (!toEuro && euroVat !== null && vat !== 0) toEuro = { num: BigInt(euroVat), den: BigInt(vat!) };
    if (!toEuro) return { ok: false, errors: { currency: "importEInvoices.errors.noEuroAmount" }, ...base };
    vatEuro = euroVat ?? mulDiv(vat!, toEuro.num, toEuro.den);
    rate = rateText(toEuro.num < 0n ? -toEuro.num : toEuro.num, toEuro.den < 0n ? -toEuro.den : toEuro.den);
  }
  const netEuro = mulDiv(net!, toEuro!.num, toEuro!.den);
  const netParts = spread(
    netEuro,
    subtotals.map((s) => s.taxableCents!),
  );
  const vatParts = spread(
    vatEuro,
    subtotals.map((s) => s.taxCents!),
  );
  return {
    ok: true,
    date: date!,
    currency,
    exchangeRate: rate,
    sign,
    documentNetCents: sign * net!,
    parts: subtotals.map((subtotal, i) => ({
      code: subtotal.code,
      percent: subtotal.percent ? String(Number(subtotal.percent)) : "",
      exemptionCode: subtotal.exemptionCode,
      exemptionReason: subtotal.exemptionReason,
      netCents: sign * netParts[i]!,
      vatCents: sign * vatParts[i]!,
      foreignCents: sign * subtotal.taxableCents!,
    })),
  };
}

export function ublRows(document: UblDocument): UblRows {
  const amounts = ublParts(document);
  if (!amounts.ok) return { ...amounts, customerName: document.customer.name || null };
  const { date, currency, exchangeRate: rate, parts } = amounts;
  const notes: string[] = [];
  const vatIds = document.customer.vatIds.map((id) => id.toUpperCase().replace(/[\s.-]/g, ""));
  const vatId = vatIds.find((id) => VAT_ID.test(id)) ?? "";
  if (vatIds.length > 0 && !vatId) notes.push("importEInvoices.notes.vatIdNotTaken");
  const business = document.customer.vatIds.length > 0 || document.customer.companyIds.length > 0;
  const split = parts.length > 1;
  if (split) notes.push("importEInvoices.notes.split");

  const rows = parts.map((part) => {
    const kind = part.netCents < 0 ? "credit_note" : document.typeCode === "386" ? "advance_payment" : "invoice";
    const cells: UblCells = {
      number: split ? `${document.number}/${partSuffix(part.code, part.percent)}` : document.number,
      kind,
      date,
      customerName: document.customer.name,
      customerCountry: document.customer.country,
      customerType: business ? "business" : "",
      customerVatId: vatId,
      description: describeUblDocument(document, split ? part.code : null, split ? part.percent : null),
      vatRate: part.percent,
      vatCategoryCode: part.code,
      vatExemptionReason: [part.exemptionCode, part.exemptionReason].filter(Boolean).join(" "),
      deliveryCountry: document.deliveryCountry,
      netCents: centsText(part.netCents),
      vatCents: centsText(part.vatCents),
      currency,
      ...(currency !== "EUR" ? { foreignAmount: decimalText(part.foreignCents), exchangeRate: rate! } : {}),
    };
    return { cells, notes: [...notes], parts: parts.length };
  });
  return { ok: true, rows, number: document.number, references: amounts.documentNetCents < 0 ? document.billingReferences : [] };
}

// The btw-aangifte (Dutch VAT return) of one filing period, computed from the period's
// invoices and purchases: rubrieken 1a–1e, 2a, 3a–3b, 4a–4b and 5a–5g, each with the
// documents behind it. Pure: no I/O, no clock. Documents dated on a day inside the KOR are
// left out (no VAT charged, none deducted: KOR-RULES §3.5); so are supplies the Dutch
// return does not ask for (exempt supplies, OSS distance sales, supplies taxed abroad).
//
// Which supply goes where follows the Belastingdienst's descriptions of the rubrieken
// ("Aangifte omzetbelasting", toelichting per rubriek, belastingdienst.nl):
//   1a/1b  supplies and services in NL at the general (21%) / reduced (9%) rate: turnover and VAT
//   1c     other rates except 0% — none of this product's categories: always 0
//   1d     private use (onttrekking voor privédoeleinden): turnover and VAT
//   1e     supplies and services at 0% or not taxed with you — 0% domestic supplies and
//          supplies where VAT is reverse-charged to the Dutch customer: turnover only
//   2a     supplies and services to you with VAT reverse-charged to you (domestic): turnover and VAT
//   3a     supplies of goods to countries outside the EU (export): turnover only
//   3b     supplies of goods to, and services in, other EU countries (intra-Community, B2B): turnover only
//   4a/4b  supplies and services to you from outside / inside the EU, VAT reverse-charged: turnover and VAT
//   5a     VAT owed: the sum of the VAT of 1a–4b
//   5b     input VAT (voorbelasting), including the VAT of 2a, 4a and 4b that is deductible
//   5c     subtotal 5a − 5b
//   5d     reduction under the old KOR (abolished 1 January 2020): 0
//   5e/5f  estimates of earlier returns / this return: only the taxpayer knows — "zelf invullen"
//   5g     total to pay (positive) or to reclaim (negative)
//
// Rounding to whole euros: the Belastingdienst lets the return's amounts be rounded to
// whole euros in the taxpayer's favour ("In de aangifte btw rondt u de btw-bedragen af op
// hele euro's. Dit mag u in uw voordeel doen." — belastingdienst.nl, "Btw-bedrag afronden",
// as quoted by Fiscanet). KOR-RULES.md has no rule on it. So turnover and VAT owed
// (1a–4b) are rounded down and input VAT (5b) up; 5a, 5c and 5g are sums of the rounded
// figures, as the form adds them up.
import type { Category, ISODate } from "@/lib/kor";
import { firstDayOutsideKor, insideKor, type FilingPeriod, type KorInterval } from "./periods";

export const RUBRIEK_CODES = [
  "1a",
  "1b",
  "1c",
  "1d",
  "1e",
  "2a",
  "3a",
  "3b",
  "4a",
  "4b",
  "5a",
  "5b",
  "5c",
  "5d",
  "5e",
  "5f",
  "5g",
] as const;
export type RubriekCode = (typeof RUBRIEK_CODES)[number];
/** Rubrieken with a turnover column (omzet) on the form; the rest hold only VAT. */
export const TURNOVER_RUBRIEKEN: readonly RubriekCode[] = ["1a", "1b", "1c", "1d", "1e", "2a", "3a", "3b", "4a", "4b"];
/** Rubrieken with a VAT column (omzetbelasting). 1e, 3a and 3b have turnover only. */
export const VAT_RUBRIEKEN: readonly RubriekCode[] = ["1a", "1b", "1c", "1d", "2a", "4a", "4b", "5a", "5b", "5c", "5d", "5e", "5f", "5g"];

export type SaleDocument = { id: string; number: string; date: ISODate; category: Category; netCents: number; vatCents: number };
export type PurchaseTreatment = "NL_VAT" | "NL_REVERSE_CHARGE" | "EU_REVERSE_CHARGE" | "NON_EU_REVERSE_CHARGE" | "NO_VAT";
export type PurchaseDocument = {
  id: string;
  reference: string | null;
  supplierName: string;
  date: ISODate;
  netCents: number;
  vatCents: number;
  ratePercent: number;
  vatTreatment: PurchaseTreatment;
};

export type DocumentLine = {
  type: "invoice" | "purchase";
  id: string;
  label: string;
  date: ISODate;
  turnoverCents: number;
  vatCents: number;
};

export type Rubriek = {
  code: RubriekCode;
  /** Exact sums in cents of the documents behind it (null: the form has no such column). */
  turnoverCents: number | null;
  vatCents: number | null;
  /** As the form takes them: whole euros, rounded in the taxpayer's favour. */
  turnoverEuros: number | null;
  vatEuros: number | null;
  documents: DocumentLine[];
  /** The data cannot support this figure: the taxpayer fills it in ("zelf invullen"). */
  selfFill: boolean;
};

/** Why a document of the period is not in the return, or needs a look. */
export type Note =
  | { kind: "insideKor"; document: DocumentLine }
  | { kind: "notInReturn"; reason: "exempt" | "oss" | "taxedAbroad" | "outsideEu" | "noVat"; document: DocumentLine }
  | { kind: "noVatOnTaxedSale"; document: DocumentLine }
  | { kind: "rateUnknown"; document: DocumentLine };

export type VatReturn = {
  period: FilingPeriod;
  /** First day of the period outside the KOR; null: the whole period is inside (no return). */
  outsideKorFrom: ISODate | null;
  rubrieken: Rubriek[];
  notes: Note[];
};

/** Whole euros in the taxpayer's favour: amounts owed down, amounts reclaimed up. */
export const eurosOwed = (cents: number) => Math.floor(cents / 100);
export const eurosReclaimed = (cents: number) => Math.ceil(cents / 100);

const saleLine = (s: SaleDocument): DocumentLine => ({
  type: "invoice",
  id: s.id,
  label: s.number,
  date: s.date,
  turnoverCents: s.netCents,
  vatCents: s.vatCents,
});
const purchaseLine = (p: PurchaseDocument): DocumentLine => ({
  type: "purchase",
  id: p.id,
  label: p.reference ? `${p.supplierName} ${p.reference}` : p.supplierName,
  date: p.date,
  turnoverCents: p.netCents,
  vatCents: p.vatCents,
});

/** The Dutch rate a taxed sale carried, from its VAT: 21 or 9, null when it cannot be told (no VAT). */
export function rateOfSale(netCents: number, vatCents: number): 21 | 9 | null {
  if (netCents === 0 || vatCents === 0) return null;
  const ratio = (vatCents / netCents) * 100;
  return Math.abs(ratio - 9) < Math.abs(ratio - 21) ? 9 : 21;
}

type Target = { code: RubriekCode } | { note: Note["kind"]; reason?: "exempt" | "oss" | "taxedAbroad" | "outsideEu" | "noVat" };

function saleTarget(sale: SaleDocument): Target {
  switch (sale.category) {
    case "NL_STANDARD":
      return sale.vatCents === 0 && sale.netCents !== 0 ? { note: "noVatOnTaxedSale" } : { code: "1a" };
    case "NL_REDUCED":
      return sale.vatCents === 0 && sale.netCents !== 0 ? { note: "noVatOnTaxedSale" } : { code: "1b" };
    case "NL_ZERO":
    case "NL_REVERSE_CHARGE":
      return { code: "1e" };
    case "PRIVATE_USE":
      return { code: "1d" };
    case "EXPORT_NON_EU":
      return { code: "3a" };
    case "EU_B2B_GOODS":
    case "EU_B2B_SERVICES":
      return { code: "3b" };
    // Distance sales under the €10,000 threshold and sales of business assets are taxed in
    // NL at the rate they carried.
    case "EU_B2C_NL_VAT":
    case "ASSET_SALE": {
      const rate = rateOfSale(sale.netCents, sale.vatCents);
      return rate === null ? { note: "rateUnknown" } : { code: rate === 9 ? "1b" : "1a" };
    }
    case "EU_B2C_FOREIGN_VAT":
      return { note: "notInReturn", reason: "oss" };
    case "EU_LOCAL":
      return { note: "notInReturn", reason: "taxedAbroad" };
    case "NON_EU_SERVICES":
      return { note: "notInReturn", reason: "outsideEu" };
    case "EXEMPT_REAL_ESTATE":
    case "EXEMPT_FINANCIAL":
    case "EXEMPT_INSURANCE":
    case "EXEMPT_OTHER":
      return { note: "notInReturn", reason: "exempt" };
  }
}

const PURCHASE_RUBRIEK: Record<PurchaseTreatment, RubriekCode | null> = {
  NL_VAT: null,
  NL_REVERSE_CHARGE: "2a",
  EU_REVERSE_CHARGE: "4b",
  NON_EU_REVERSE_CHARGE: "4a",
  NO_VAT: null,
};

export function computeVatReturn(input: {
  period: FilingPeriod;
  korIntervals: readonly KorInterval[];
  sales: readonly SaleDocument[];
  purchases: readonly PurchaseDocument[];
}): VatReturn {
  const { period } = input;
  const inPeriod = (date: ISODate) => period.from <= date && date <= period.to;
  const documents = new Map<RubriekCode, DocumentLine[]>(RUBRIEK_CODES.map((code) => [code, []]));
  const notes: Note[] = [];
  const outsideKorFrom = firstDayOutsideKor(input.korIntervals, period);

  for (const sale of [...input.sales].filter((s) => inPeriod(s.date)).sort(byDate)) {
    const line = saleLine(sale);
    if (insideKor(input.korIntervals, sale.date)) {
      notes.push({ kind: "insideKor", document: line });
      continue;
    }
    const target = saleTarget(sale);
    if ("code" in target) documents.get(target.code)!.push(line);
    else if (target.note === "notInReturn") notes.push({ kind: "notInReturn", reason: target.reason!, document: line });
    else notes.push({ kind: target.note as "noVatOnTaxedSale" | "rateUnknown", document: line });
  }

  for (const purchase of [...input.purchases].filter((p) => inPeriod(p.date)).sort(byDate)) {
    const line = purchaseLine(purchase);
    if (insideKor(input.korIntervals, purchase.date)) {
      notes.push({ kind: "insideKor", document: line });
      continue;
    }
    if (purchase.vatTreatment === "NO_VAT") {
      notes.push({ kind: "notInReturn", reason: "noVat", document: line });
      continue;
    }
    const code = PURCHASE_RUBRIEK[purchase.vatTreatment];
    if (code) documents.get(code)!.push(line);
    // All VAT on purchases for the taxed business is voorbelasting, the reverse-charged
    // VAT of 2a/4a/4b included (the Belastingdienst: "deze btw kunt u bij 5b weer aftrekken").
    documents.get("5b")!.push(line);
  }

  const sum = (lines: DocumentLine[], field: "turnoverCents" | "vatCents") => lines.reduce((total, line) => total + line[field], 0);
  const rubrieken = new Map<RubriekCode, Rubriek>();
  for (const code of TURNOVER_RUBRIEKEN) {
    const lines = documents.get(code)!;
    const turnoverCents = sum(lines, "turnoverCents");
    const vatCents = VAT_RUBRIEKEN.includes(code) ? sum(lines, "vatCents") : null;
    rubrieken.set(code, {
      code,
      turnoverCents,
      vatCents,
      turnoverEuros: eurosOwed(turnoverCents),
      vatEuros: vatCents === null ? null : eurosOwed(vatCents),
      documents: lines,
      selfFill: false,
    });
  }
  const owedLines = TURNOVER_RUBRIEKEN.filter((code) => VAT_RUBRIEKEN.includes(code)).flatMap((code) => documents.get(code)!);
  const owedEuros = TURNOVER_RUBRIEKEN.reduce((total, code) => total + (rubrieken.get(code)!.vatEuros ?? 0), 0);
  const owedCents = TURNOVER_RUBRIEKEN.reduce((total, code) => total + (rubrieken.get(code)!.vatCents ?? 0), 0);
  const inputLines = documents.get("5b")!;
  const inputCents = sum(inputLines, "vatCents");
  const inputEuros = eurosReclaimed(inputCents);
  const vatOnly = (code: RubriekCode, vatCents: number, vatEuros: number, lines: DocumentLine[], selfFill = false): Rubriek => ({
    code,
    turnoverCents: null,
    vatCents,
    turnoverEuros: null,
    vatEuros,
    documents: lines,
    selfFill,
  });
  rubrieken.set("5a", vatOnly("5a", owedCents, owedEuros, owedLines));
  rubrieken.set("5b", vatOnly("5b", inputCents, inputEuros, inputLines));
  rubrieken.set("5c", vatOnly("5c", owedCents - inputCents, owedEuros - inputEuros, []));
  rubrieken.set("5d", vatOnly("5d", 0, 0, []));
  rubrieken.set("5e", vatOnly("5e", 0, 0, [], true));
  rubrieken.set("5f", vatOnly("5f", 0, 0, [], true));
  rubrieken.set("5g", vatOnly("5g", owedCents - inputCents, owedEuros - inputEuros, []));

  return { period, outsideKorFrom, rubrieken: RUBRIEK_CODES.map((code) => rubrieken.get(code)!), notes };
}

const byDate = <T extends { date: ISODate; id: string }>(a: T, b: T) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

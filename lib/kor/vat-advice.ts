// "Must this invoice carry VAT?" — the one answer the invoice form, the API and the import
// preview give, from the engine's own view of the books (docs/domain/KOR-RULES.md §2, §3.2–§3.5): the
// candidate invoices are put into the books at their place (date, then `sequence`, then
// input order), the books are counted once, and each candidate's position says whether
// the business is still inside the KOR there, crosses the limit with it, is past the
// crossing, or is outside the KOR (never in, left, or excluded after leaving). Pure.

import { categoryVatRatePercent } from "./categories";
import { dateInWords, yearOf } from "./dates";
import { atRiskOnCrossingDay, buildLedger, txAt, type Ledger } from "./ledger";
import { vatContained, vatOnTop } from "./money";
import { earliestRejoinDate } from "./deadlines";
import { exclusionWindowsOf, leavingsOf, type ExclusionWindow } from "./participation";
import { makeRuleLookup, withRule, type RuleId, type RuleSet } from "./rules";
import type { Bilingual, Category, Cents, EngineInput, ISODate, RuleRef, Transaction } from "./types";

/** An invoice being entered, changed or imported. `replaces`: the stored invoice it changes. */
export type VatCandidate = {
  date: ISODate;
  category: Category;
  netCents: Cents;
  vatCents?: Cents;
  sequence?: number;
  country?: string;
  ancillary?: boolean;
  replaces?: string;
};

/**
 * - `notInKor`: no KOR period covers the date;
 * - `participating`: inside the KOR, before any crossing: no VAT;
 * - `crossing`: this invoice takes the year's turnover over the limit (§3.2);
 * - `crossingAtRisk`: the crossing falls on this invoice's day and the order of that
 *   day's invoices is not fixed; it may be this one (§2) — a `sequence` settles it;
 * - `afterCrossing`: a later invoice of the year in which the limit was crossed;
 * - `excluded`: outside the KOR after leaving it (by crossing or deregistration, §3.4).
 */
export type VatAdviceStatus = "notInKor" | "participating" | "crossing" | "crossingAtRisk" | "afterCrossing" | "excluded";

export type VatAdvice = RuleRef & {
  status: VatAdviceStatus;
  /** The invoice must show VAT at `ratePercent` (a Dutch rate above 0 and outside the KOR there). */
  mustChargeVat: boolean;
  /** The category's Dutch VAT rate on the date; null when no Dutch VAT applies to it. */
  ratePercent: number | null;
  /** One sentence, with the amount from the rule table and the dates in words. */
  reason: Bilingual;
  /** The crossing of the invoice's year while in the KOR, as the books stand with this invoice. */
  crossing: { date: ISODate; transactionId: string; thisInvoice: boolean; atRisk: string[] } | null;
  /** Left the KOR (crossing or deregistration): from when, and the earliest day back in. */
  leftOn: ISODate | null;
  earliestRejoin: ISODate | null;
  /** Sent without VAT while VAT is due: what each remedy of §3.3 costs for this invoice. */
  remediation: { reinvoiceVatCents: Cents; absorbedVatCents: Cents } | null;
  /** VAT shown while inside the KOR: payable, and worth a confirmation (§3.5). */
  vatWhileParticipating: boolean;
  /** Other invoices on the same date (ids), so the user can give the day's order. */
  sameDay: string[];
};

/** "20 november 2026" / "20 November 2026" (re-exported; it lives with the other date functions). */
export { dateInWords };

// Building an Intl.NumberFormat costs far more than formatting with one: made once per
// language and style, as every row of an import gets a reason with the limit in words.
const EURO_FORMATS = new Map<string, Intl.NumberFormat>();

/** "€ 20.000" / "€20,000" for whole euros, else with cents. */
export function euroInWords(cents: Cents, language: "nl" | "en"): string {
  const whole = Math.abs(cents) % 100 === 0;
  const key = `${language}:${whole}`;
  let format = EURO_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === "nl" ? "nl-NL" : "en-GB", {
      style: "currency",
      currency: "EUR",
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    });
    EURO_FORMATS.set(key, format);
  }
  return format.format(cents / 100).replace(/\u00a0/g, " ");
}

const CANDIDATE_PREFIX = "\u0000candidate:";

/** `ids`: each candidate's id in the books; `indexes`: where in the ledger's transactions it stands. */
type Placed = { ledger: Ledger; ids: string[]; indexes: Int32Array };

/** The books with the candidates in place: a changed invoice where it stood, new ones last (created last). */
function place(input: EngineInput, candidates: readonly VatCandidate[], rulesOf: (year: number) => RuleSet): Placed {
  const txs: Transaction[] = [...input.transactions];
  const ids: string[] = [];
  const indexes = new Int32Array(candidates.length);
  // Where each id stands (its first place, as a search from the start finds it), built only
  // when a candidate changes an invoice: asked per candidate, a search would be rows × books.
  let indexOf: Map<string, number> | null = null;
  candidates.forEach((candidate, i) => {
    const id = candidate.replaces ?? `${CANDIDATE_PREFIX}${i}`;
    ids.push(id);
    const tx: Transaction = { id, date: candidate.date, netCents: candidate.netCents, category: candidate.category };
    if (candidate.vatCents !== undefined) tx.vatCents = candidate.vatCents;
    if (candidate.sequence !== undefined) tx.sequence = candidate.sequence;
    if (candidate.country !== undefined) tx.country = candidate.country;
    if (candidate.ancillary) tx.ancillary = true;
    if (candidate.replaces === undefined) {
      indexes[i] = txs.length;
      indexOf?.set(id, txs.length);
      txs.push(tx);
      return;
    }
    if (indexOf === null) {
      indexOf = new Map();
      for (let at = txs.length - 1; at >= 0; at--) indexOf.set(txs[at]!.id, at);
    }
    const at = indexOf.get(candidate.replaces);
    if (at !== undefined) {
      indexes[i] = at;
      txs[at] = tx;
    } else {
      indexes[i] = txs.length;
      indexOf.set(id, txs.length);
      txs.push(tx);
    }
  });
  return { ledger: buildLedger(txs, input.business, yearOf(input.asOf), rulesOf), ids, indexes };
}

/** Each transaction's sorted position, by its index in the ledger's transactions. */
function positionsOf(ledger: Ledger): Int32Array {
  const out = new Int32Array(ledger.order.length);
  for (let pos = 0; pos < ledger.order.length; pos++) out[ledger.order[pos]!] = pos;
  return out;
}

/**
 * The stored invoices on a position's day, in the day's order, leaving out the one at the
 * position. Each day's list is made once: a new row (not stored) gets the day's list
 * itself, shared with the other new rows of that day, so many rows on one date cost one
 * list, not one per row. A changed stored invoice gets its own list without itself.
 */
function sameDayLists(ledger: Ledger): (pos: number, id: string) => string[] {
  const n = ledger.order.length;
  const keyAt = (p: number) => ledger.dateKeys[ledger.order[p]!]!;
  const byFirst = new Map<number, string[]>();
  // First and end position of the day of every position, in one pass.
  const firsts = new Int32Array(n);
  const ends = new Int32Array(n);
  for (let p = 0; p < n; p++) firsts[p] = p > 0 && keyAt(p - 1) === keyAt(p) ? firsts[p - 1]! : p;
  for (let p = n - 1; p >= 0; p--) ends[p] = p < n - 1 && keyAt(p + 1) === keyAt(p) ? ends[p + 1]! : p + 1;
  return (pos, id) => {
    const first = firsts[pos]!;
    const end = ends[pos]!;
    if (!id.startsWith(CANDIDATE_PREFIX)) {
      const out: string[] = [];
      for (let p = first; p < end; p++) {
        const other = txAt(ledger, p).id;
        if (p !== pos && !other.startsWith(CANDIDATE_PREFIX)) out.push(other);
      }
      return out;
    }
    let list = byFirst.get(first);
    if (!list) {
      list = [];
      for (let p = first; p < end; p++) {
        const other = txAt(ledger, p).id;
        if (!other.startsWith(CANDIDATE_PREFIX)) list.push(other);
      }
      byFirst.set(first, list);
    }
    return list;
  };
}

type Where =
  | { kind: "in"; periodIndex: number }
  | { kind: "crossing" | "after"; periodIndex: number }
  | { kind: "excluded"; window: ExclusionWindow }
  | { kind: "out" };

/** The first exclusion window on `date` whose leaving is (`same`) or is not of period `periodIndex`. Loops, not closures: asked per row. */
function windowOn(windows: readonly ExclusionWindow[], date: ISODate, periodIndex: number, same: boolean): ExclusionWindow | undefined {
  for (const w of windows) if (w.from <= date && date <= w.to && (w.leaving.periodIndex === periodIndex) === same) return w;
  return undefined;
}

function whereIs(ledger: Ledger, windows: readonly ExclusionWindow[], pos: number, date: ISODate): Where {
  let periodIndex = -1;
  for (let i = 0; i < ledger.periods.length && periodIndex < 0; i++) {
    const p = ledger.periods[i]!;
    if (p.from <= date && (p.to === null || date <= p.to)) periodIndex = i;
  }
  const period = ledger.periods[periodIndex];
  if (period && period.crossingPos >= 0 && pos >= period.crossingPos) {
    // The crossing ended this period on its date (§3.2), whatever its stored end says.
    if (yearOf(txAt(ledger, period.crossingPos).date) === yearOf(date))
      return { kind: pos === period.crossingPos ? "crossing" : "after", periodIndex };
    const window = windowOn(windows, date, periodIndex, true);
    return window ? { kind: "excluded", window } : { kind: "out" };
  }
  // A period that starts inside the window of an earlier leaving does not count (§3.4).
  const window = windowOn(windows, date, periodIndex, false);
  if (window) return { kind: "excluded", window };
  return period ? { kind: "in", periodIndex } : { kind: "out" };
}

const RULE_OF: Record<VatAdviceStatus, RuleId> = {
  notInKor: "kor.eligibility",
  participating: "kor.eligibility",
  crossing: "kor.crossing",
  crossingAtRisk: "kor.crossing",
  afterCrossing: "kor.crossing",
  excluded: "kor.exclusion",
};

function reasonOf(
  status: VatAdviceStatus,
  facts: {
    date: ISODate;
    rate: number | null;
    limit: Cents;
    crossingDate: ISODate | null;
    leftOn: ISODate | null;
    earliestRejoin: ISODate | null;
  },
): Bilingual {
  const { rate } = facts;
  const limit = { nl: euroInWords(facts.limit, "nl"), en: euroInWords(facts.limit, "en") };
  const on = (date: ISODate | null, l: "nl" | "en") => (date ? dateInWords(date, l) : "");
  const noDutchVat = { nl: " Voor deze categorie reken je geen Nederlandse btw.", en: " No Dutch VAT applies to this category." };
  const tail = (l: "nl" | "en") => (rate === null ? noDutchVat[l] : "");
  switch (status) {
    case "crossing":
      return {
        nl: `Deze factuur brengt je omzet boven ${limit.nl}: vanaf deze factuur reken je btw.${tail("nl")}`,
        en: `This invoice takes your turnover over ${limit.en}: from this invoice on, you charge VAT.${tail("en")}`,
      };
    case "crossingAtRisk":
      return {
        nl: `Op ${on(facts.date, "nl")} komt je omzet boven ${limit.nl} en staan er meer facturen zonder volgorde: geef de volgorde aan, tot dan reken je btw.${tail("nl")}`,
        en: `On ${on(facts.date, "en")} your turnover goes over ${limit.en} and several invoices have no order: give their order; until then, charge VAT.${tail("en")}`,
      };
    case "afterCrossing":
      return {
        nl: `Je omzet kwam op ${on(facts.crossingDate, "nl")} boven ${limit.nl}: sindsdien reken je btw.${tail("nl")}`,
        en: `Your turnover went over ${limit.en} on ${on(facts.crossingDate, "en")}: since then, you charge VAT.${tail("en")}`,
      };
    case "excluded":
      return {
        nl: `Je bent op ${on(facts.leftOn, "nl")} uit de KOR gegaan en kunt pas vanaf ${on(facts.earliestRejoin, "nl")} weer meedoen: je rekent btw.${tail("nl")}`,
        en: `You left the KOR on ${on(facts.leftOn, "en")} and cannot rejoin before ${on(facts.earliestRejoin, "en")}: charge VAT.${tail("en")}`,
      };
    case "participating":
      return {
        nl: `Je doet op ${on(facts.date, "nl")} mee aan de KOR en blijft met deze factuur onder ${limit.nl}: je rekent geen btw.`,
        en: `You are in the KOR on ${on(facts.date, "en")} and stay under ${limit.en} with this invoice: charge no VAT.`,
      };
    case "notInKor":
      return rate === null
        ? { nl: noDutchVat.nl.trim(), en: noDutchVat.en.trim() }
        : {
            nl: `Je doet op ${on(facts.date, "nl")} niet mee aan de KOR: je rekent ${rate}% btw.`,
            en: `You are not in the KOR on ${on(facts.date, "en")}: charge ${rate}% VAT.`,
          };
  }
}

const REMEDIABLE: ReadonlySet<Category> = new Set(["NL_STANDARD", "NL_REDUCED"]);

/**
 * Advice for each candidate, all placed in the books together (an import's rows affect
 * each other). One counting pass, whatever the number of candidates, and linear in the
 * rows apart from the sort by date: what several rows share (the crossing day's open
 * order, a day's list of invoices) is worked out once and shared by them.
 * `sameDay: false` leaves each advice's `sameDay` empty (the import preview does not show
 * it). Rows share what is the same for them — the new rows of a day one `sameDay` array, a
 * crossing's `atRisk`, equal `reason`s — so change an advice's parts by copying them.
 */
export function adviseVat(input: EngineInput, candidates: readonly VatCandidate[], options: { sameDay?: boolean } = {}): VatAdvice[] {
  if (candidates.length === 0) return [];
  const rulesOf = makeRuleLookup(input.rules);
  const { ledger, ids, indexes } = place(input, candidates, rulesOf);
  const windows = exclusionWindowsOf(leavingsOf(ledger));
  const positions = positionsOf(ledger);
  // Many candidates share a crossing: the day's open order is worked out once per crossing.
  // The ids at risk as a set (asked per candidate) and as shown (stored invoices only).
  type AtRisk = { ids: Set<string>; shown: string[] };
  const atRiskCache = new Map<number, AtRisk>();
  const atRiskOn = (crossPos: number): AtRisk => {
    let atRisk = atRiskCache.get(crossPos);
    if (!atRisk) {
      const ids = atRiskOnCrossingDay(ledger, crossPos, "kor");
      atRisk = { ids: new Set(ids), shown: ids.filter((x) => !x.startsWith(CANDIDATE_PREFIX)) };
      atRiskCache.set(crossPos, atRisk);
    }
    return atRisk;
  };
  const none: AtRisk = { ids: new Set(), shown: [] };
  const noneOnDay: string[] = [];
  const sameDayOf = options.sameDay === false ? () => noneOnDay : sameDayLists(ledger);
  // Rows with the same facts get the same sentence, made once (the words were most of a row's cost).
  const reasons = new Map<string, Bilingual>();
  const reasonFor = (status: VatAdviceStatus, facts: Parameters<typeof reasonOf>[1]): Bilingual => {
    const key = `${status}|${facts.date}|${facts.rate}|${facts.limit}|${facts.crossingDate}|${facts.leftOn}|${facts.earliestRejoin}`;
    let reason = reasons.get(key);
    if (!reason) {
      reason = reasonOf(status, facts);
      reasons.set(key, reason);
    }
    return reason;
  };
  return candidates.map((candidate, i) => {
    const id = ids[i]!;
    const pos = positions[indexes[i]!]!;
    const year = yearOf(candidate.date);
    const rate = categoryVatRatePercent(candidate.category, year);
    const acc = ledger.yearMap.get(year);
    const limit = acc?.rules.korLimitCents ?? rulesOf(year).korLimitCents;
    const where = whereIs(ledger, windows, pos, candidate.date);

    let status: VatAdviceStatus;
    let crossing: VatAdvice["crossing"] = null;
    let leftOn: ISODate | null = null;
    if (where.kind === "crossing" || where.kind === "after") {
      const crossPos = ledger.periods[where.periodIndex]!.crossingPos;
      const crossTx = txAt(ledger, crossPos);
      const atRisk = atRiskOn(crossPos);
      crossing = { date: crossTx.date, transactionId: crossTx.id, thisInvoice: crossPos === pos, atRisk: atRisk.shown };
      status = atRisk.ids.has(id) ? "crossingAtRisk" : where.kind === "crossing" ? "crossing" : "afterCrossing";
      leftOn = crossTx.date;
    } else if (where.kind === "in") {
      // Before this year's crossing, unless the day's order is open and it may fall on this one.
      const crossPos =
        acc && acc.korCrossPos >= 0 && ledger.periods[where.periodIndex]!.crossingPos === acc.korCrossPos ? acc.korCrossPos : -1;
      const atRisk = crossPos >= 0 ? atRiskOn(crossPos) : none;
      if (crossPos >= 0) {
        const crossTx = txAt(ledger, crossPos);
        crossing = { date: crossTx.date, transactionId: crossTx.id, thisInvoice: false, atRisk: atRisk.shown };
      }
      status = atRisk.ids.has(id) ? "crossingAtRisk" : "participating";
    } else if (where.kind === "excluded") {
      status = "excluded";
      leftOn = where.window.from;
    } else {
      status = "notInKor";
    }

    const outside = status !== "participating";
    const mustChargeVat = outside && rate !== null && rate > 0;
    const vat = candidate.vatCents ?? 0;
    const earliestRejoin = leftOn ? earliestRejoinDate(leftOn) : null;
    return withRule(RULE_OF[status], {
      status,
      mustChargeVat,
      ratePercent: rate,
      reason: reasonFor(status, { date: candidate.date, rate, limit, crossingDate: crossing?.date ?? null, leftOn, earliestRejoin }),
      // A candidate has no id yet: its crossing names none (and atRiskOn shows stored invoices only).
      crossing: crossing?.transactionId.startsWith(CANDIDATE_PREFIX) ? { ...crossing, transactionId: "" } : crossing,
      leftOn,
      earliestRejoin,
      remediation:
        mustChargeVat && status !== "notInKor" && vat === 0 && candidate.netCents > 0 && REMEDIABLE.has(candidate.category)
          ? { reinvoiceVatCents: vatOnTop(candidate.netCents, rate!), absorbedVatCents: vatContained(candidate.netCents, rate!) }
          : null,
      vatWhileParticipating: status === "participating" && vat !== 0,
      sameDay: sameDayOf(pos, id),
    });
  });
}

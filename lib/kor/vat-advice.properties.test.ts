// The VAT advice for many rows (issue #17): the same answers as before it was made linear.
// Pinned cases for a crossing day shared by several rows, the order a `sequence` gives,
// and rows before and after the crossing; then a property test that compares adviseVat
// with the implementation before the change (commit a7f360d, kept verbatim below as the
// reference) on random small books and imports.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { categoryVatRatePercent } from "./categories";
import { dateInWords, yearOf } from "./dates";
import { atRiskOnCrossingDay, buildLedger, txAt, type Ledger } from "./ledger";
import { vatContained, vatOnTop } from "./money";
import { earliestRejoinDate } from "./deadlines";
import { exclusionWindowsOf, leavingsOf, type ExclusionWindow } from "./participation";
import { makeRuleLookup, withRule, type RuleId } from "./rules";
import type { Bilingual, Category, Cents, EngineInput, ISODate, Transaction } from "./types";

import { input, nlBusiness, tx } from "./test-helpers";
import { CATEGORY_CODES, type KorParticipation } from "./types";
import { adviseVat, type VatAdvice, type VatAdviceStatus, type VatCandidate } from "./vat-advice";

const inKor = nlBusiness({ korParticipations: [{ from: "2026-01-01" }] });
// €19,500 counted before November: the limit of €20,000 is €500 away.
const before = [tx("a", "2026-02-10", 650_000), tx("b", "2026-05-12", 650_000), tx("c", "2026-09-01", 650_000)];
const row = (date: string, netCents: number, extra: Partial<VatCandidate> = {}): VatCandidate => ({
  date,
  category: "NL_STANDARD",
  netCents,
  ...extra,
});
const statuses = (advice: VatAdvice[]) => advice.map((a) => a.status);

describe("adviseVat for many rows: pinned behaviour", () => {
  it("rows sharing the crossing day without an order: every counted one there is at risk, earlier rows inside, later ones after", () => {
    const books = input("2026-12-07", [...before, tx("y", "2026-11-20", 10_000)], inKor);
    // In the file's order, not the books' order: the later dates come first.
    const advice = adviseVat(books, [
      row("2026-12-01", 5_000),
      row("2026-11-20", 20_000),
      row("2026-11-19", 10_000),
      row("2026-11-20", 20_000),
      row("2026-11-20", 20_000),
      row("2027-01-05", 5_000),
    ]);
    // 19,500 + 100 (11-19) = 19,600; on 11-20: y 19,700, then 19,900, then 20,100: the fourth row of the file crosses.
    expect(statuses(advice)).toEqual(["afterCrossing", "crossingAtRisk", "participating", "crossingAtRisk", "crossingAtRisk", "excluded"]);
    expect(advice.map((a) => a.mustChargeVat)).toEqual([true, true, false, true, true, true]);
    const crossing = { date: "2026-11-20", transactionId: "", atRisk: ["y"] };
    expect(advice[1]!.crossing).toEqual({ ...crossing, thisInvoice: false });
    expect(advice[3]!.crossing).toEqual({ ...crossing, thisInvoice: true });
    expect(advice[4]!.crossing).toEqual({ ...crossing, thisInvoice: false });
    expect(advice[2]!.crossing).toEqual({ ...crossing, thisInvoice: false });
    expect(advice[0]).toMatchObject({ leftOn: "2026-11-20", earliestRejoin: "2028-01-01", crossing: { ...crossing, thisInvoice: false } });
    expect(advice[5]).toMatchObject({ leftOn: "2026-11-20", earliestRejoin: "2028-01-01", crossing: null });
    // The day's other stored invoices, never the file's rows (they have no id yet).
    expect(advice.map((a) => a.sameDay)).toEqual([[], ["y"], [], ["y"], ["y"], []]);
    expect(adviseVat(books, [row("2026-11-20", 20_000), row("2026-11-20", 20_000)], { sameDay: false }).map((a) => a.sameDay)).toEqual([
      [],
      [],
    ]);
  });

  it("a sequence fixes the crossing day's order: sequenced rows first, by sequence, then the rest in the file's order", () => {
    const books = input("2026-12-07", [...before, tx("z", "2026-11-20", 10_000)], inKor);
    const advice = adviseVat(books, [
      row("2026-11-20", 30_000, { sequence: 2 }),
      row("2026-11-20", 30_000, { sequence: 1 }),
      row("2026-11-20", 10_000),
      row("2026-11-20", 10_000, { sequence: 3 }),
    ]);
    // Sequence 1: 19,800; sequence 2: 20,100 crosses; sequence 3, then z and the unsequenced row, after it.
    expect(statuses(advice)).toEqual(["crossing", "participating", "afterCrossing", "afterCrossing"]);
    expect(advice[0]!.crossing).toEqual({ date: "2026-11-20", transactionId: "", thisInvoice: true, atRisk: [] });
    expect(advice.map((a) => a.sameDay)).toEqual([["z"], ["z"], ["z"], ["z"]]);
  });

  it("a crossing on an unsequenced row: only the day's unsequenced rows are at risk, the sequenced ones stay before it", () => {
    const books = input("2026-12-07", before, inKor);
    const advice = adviseVat(books, [
      row("2026-11-20", 10_000, { sequence: 1 }),
      row("2026-11-20", 30_000),
      row("2026-11-20", 30_000),
      row("2026-11-20", 5_000, { sequence: 2 }),
    ]);
    // Sequenced: 19,600, 19,650; then 19,950 and 20,250: the third row crosses, the second could have.
    expect(statuses(advice)).toEqual(["participating", "crossingAtRisk", "crossingAtRisk", "participating"]);
    expect(advice[2]!.crossing).toMatchObject({ thisInvoice: true, atRisk: [] });
  });

  it("a changed stored invoice takes its new place in the day; the day's list leaves out the invoice itself", () => {
    const books = input(
      "2026-12-07",
      [...before, tx("y", "2026-11-20", 10_000, { sequence: 1 }), tx("z", "2026-11-20", 10_000, { sequence: 2 })],
      inKor,
    );
    const advice = adviseVat(books, [row("2026-11-20", 10_000, { sequence: 0, replaces: "z" }), row("2026-11-20", 5_000)]);
    expect(statuses(advice)).toEqual(["participating", "participating"]);
    expect(advice.map((a) => a.sameDay)).toEqual([["y"], ["z", "y"]]);
  });
});

// Random small books: few dates (so rows share days), amounts around the limit, every
// kind of category, sequences, ancillary rows, KOR periods that end, restart, or start
// inside an exclusion, and candidates that change stored invoices (also twice, or one unknown).
const DATES = ["2025-12-31", "2026-01-01", "2026-03-10", "2026-11-20", "2026-11-21", "2027-02-01", "2027-06-30", "2028-01-01"];
const PARTICIPATIONS: KorParticipation[][] = [
  [],
  [{ from: "2026-01-01" }],
  [{ from: "2025-01-01", to: "2026-03-10" }, { from: "2027-01-01" }],
  [{ from: "2026-01-01" }, { from: "2027-04-01" }],
  [{ from: "2026-03-11", to: "2026-11-20" }],
];
const fields = {
  date: fc.constantFrom(...DATES),
  netCents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 900_000 }), fc.integer({ min: -100_000, max: -1 })),
  category: fc.constantFrom(...CATEGORY_CODES),
  vatCents: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: undefined }),
  sequence: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  country: fc.option(fc.constantFrom("DE", "BE", "NL"), { nil: undefined }),
  ancillary: fc.option(fc.boolean(), { nil: undefined }),
};
const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
const caseArb = fc.record({
  stored: fc.array(fc.record(fields), { maxLength: 14 }),
  candidates: fc.array(fc.record({ ...fields, replaces: fc.option(fc.integer({ min: 0, max: 16 }), { nil: undefined }) }), {
    minLength: 1,
    maxLength: 12,
  }),
  participations: fc.constantFrom(...PARTICIPATIONS),
  asOf: fc.constantFrom("2026-12-07", "2027-03-01"),
  sameDay: fc.constantFrom(undefined, true, false),
});

describe("adviseVat equals the implementation before it was made linear", () => {
  it("on random small books and imports", () => {
    fc.assert(
      fc.property(caseArb, ({ stored, candidates, participations, asOf, sameDay }) => {
        const books = input(
          asOf,
          stored.map((t, i) => withoutUndefined({ id: `t${i}`, ...t })),
          nlBusiness({ korParticipations: participations }),
        );
        // replaces 0..13 names a stored invoice (if there is one), 14..16 an unknown id.
        const rows = candidates.map(({ replaces, ...c }) =>
          withoutUndefined({ ...c, replaces: replaces === undefined ? undefined : `t${replaces}` }),
        );
        const options = sameDay === undefined ? undefined : { sameDay };
        expect(adviseVat(books, rows, options)).toStrictEqual(referenceAdviseVat(books, rows, options));
      }),
      { numRuns: 300 },
    );
    // The reference builds its number formats per row: slow on a loaded machine.
  }, 60_000);
});

// ---------------------------------------------------------------------------------------
// The reference: lib/kor/vat-advice.ts's adviseVat at commit a7f360d, unchanged but for its name.

const CANDIDATE_PREFIX_REF = "\u0000candidate:";
/** "€ 20.000" / "€20,000" for whole euros, else with cents. */
function euroInWords(cents: Cents, language: "nl" | "en"): string {
  const whole = Math.abs(cents) % 100 === 0;
  const text = new Intl.NumberFormat(language === "nl" ? "nl-NL" : "en-GB", {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(cents / 100);
  return text.replace(/\u00a0/g, " ");
}

type Placed = { ledger: Ledger; ids: string[] };

/** The books with the candidates in place: a changed invoice where it stood, new ones last (created last). */
function place(input: EngineInput, candidates: readonly VatCandidate[]): Placed {
  const txs: Transaction[] = [...input.transactions];
  const ids: string[] = [];
  candidates.forEach((candidate, i) => {
    const id = candidate.replaces ?? `${CANDIDATE_PREFIX_REF}${i}`;
    ids.push(id);
    const tx: Transaction = { id, date: candidate.date, netCents: candidate.netCents, category: candidate.category };
    if (candidate.vatCents !== undefined) tx.vatCents = candidate.vatCents;
    if (candidate.sequence !== undefined) tx.sequence = candidate.sequence;
    if (candidate.country !== undefined) tx.country = candidate.country;
    if (candidate.ancillary) tx.ancillary = true;
    const at = candidate.replaces === undefined ? -1 : txs.findIndex((t) => t.id === candidate.replaces);
    if (at >= 0) txs[at] = tx;
    else txs.push(tx);
  });
  const rulesOf = makeRuleLookup(input.rules);
  return { ledger: buildLedger(txs, input.business, yearOf(input.asOf), rulesOf), ids };
}

function positionsOf(ledger: Ledger, ids: readonly string[]): Map<string, number> {
  const wanted = new Set(ids);
  const out = new Map<string, number>();
  for (let pos = 0; pos < ledger.order.length; pos++) {
    const id = txAt(ledger, pos).id;
    if (wanted.has(id)) out.set(id, pos);
  }
  return out;
}

function sameDayIds(ledger: Ledger, pos: number): string[] {
  const key = ledger.dateKeys[ledger.order[pos]!]!;
  let first = pos;
  while (first > 0 && ledger.dateKeys[ledger.order[first - 1]!]! === key) first--;
  const out: string[] = [];
  for (let p = first; p < ledger.order.length && ledger.dateKeys[ledger.order[p]!]! === key; p++)
    if (p !== pos) out.push(txAt(ledger, p).id);
  return out;
}

type Where =
  | { kind: "in"; periodIndex: number }
  | { kind: "crossing" | "after"; periodIndex: number }
  | { kind: "excluded"; window: ExclusionWindow }
  | { kind: "out" };

function whereIs(ledger: Ledger, windows: readonly ExclusionWindow[], pos: number, date: ISODate): Where {
  const periodIndex = ledger.periods.findIndex((p) => p.from <= date && (p.to === null || date <= p.to));
  const period = ledger.periods[periodIndex];
  const windowOn = (accept: (w: ExclusionWindow) => boolean) => windows.find((w) => w.from <= date && date <= w.to && accept(w));
  if (period && period.crossingPos >= 0 && pos >= period.crossingPos) {
    // The crossing ended this period on its date (§3.2), whatever its stored end says.
    if (yearOf(txAt(ledger, period.crossingPos).date) === yearOf(date))
      return { kind: pos === period.crossingPos ? "crossing" : "after", periodIndex };
    const window = windowOn((w) => w.leaving.periodIndex === periodIndex);
    return window ? { kind: "excluded", window } : { kind: "out" };
  }
  // A period that starts inside the window of an earlier leaving does not count (§3.4).
  const window = windowOn((w) => w.leaving.periodIndex !== periodIndex);
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
 * each other). One counting pass, whatever the number of candidates.
 */
/**
 * `sameDay: false` leaves each advice's `sameDay` empty: an import's preview does not show
 * it, and for many rows on one date the lists alone grow with the square of the rows.
 */
function referenceAdviseVat(input: EngineInput, candidates: readonly VatCandidate[], options: { sameDay?: boolean } = {}): VatAdvice[] {
  if (candidates.length === 0) return [];
  const { ledger, ids } = place(input, candidates);
  const windows = exclusionWindowsOf(leavingsOf(ledger));
  const positions = positionsOf(ledger, ids);
  // Many candidates share a crossing: the day's open order is worked out once per crossing.
  // The ids at risk as a set (asked per candidate) and as shown (stored invoices only).
  type AtRisk = { ids: Set<string>; shown: string[] };
  const atRiskCache = new Map<number, AtRisk>();
  const atRiskOn = (crossPos: number): AtRisk => {
    let atRisk = atRiskCache.get(crossPos);
    if (!atRisk) {
      const ids = atRiskOnCrossingDay(ledger, crossPos, "kor");
      atRisk = { ids: new Set(ids), shown: ids.filter((x) => !x.startsWith(CANDIDATE_PREFIX_REF)) };
      atRiskCache.set(crossPos, atRisk);
    }
    return atRisk;
  };
  const none: AtRisk = { ids: new Set(), shown: [] };
  return candidates.map((candidate, i) => {
    const id = ids[i]!;
    const pos = positions.get(id)!;
    const year = yearOf(candidate.date);
    const rate = categoryVatRatePercent(candidate.category, year);
    const acc = ledger.yearMap.get(year);
    const limit = acc?.rules.korLimitCents ?? makeRuleLookup(input.rules)(year).korLimitCents;
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
      reason: reasonOf(status, { date: candidate.date, rate, limit, crossingDate: crossing?.date ?? null, leftOn, earliestRejoin }),
      crossing: crossing
        ? {
            ...crossing,
            transactionId: crossing.transactionId.startsWith(CANDIDATE_PREFIX_REF) ? "" : crossing.transactionId,
            // Stored invoices only (atRiskOn): a candidate has no id yet.
            atRisk: crossing.atRisk,
          }
        : null,
      leftOn,
      earliestRejoin,
      remediation:
        mustChargeVat && status !== "notInKor" && vat === 0 && candidate.netCents > 0 && REMEDIABLE.has(candidate.category)
          ? { reinvoiceVatCents: vatOnTop(candidate.netCents, rate!), absorbedVatCents: vatContained(candidate.netCents, rate!) }
          : null,
      vatWhileParticipating: status === "participating" && vat !== 0,
      sameDay: options.sameDay === false ? [] : sameDayIds(ledger, pos).filter((x) => !x.startsWith(CANDIDATE_PREFIX_REF)),
    });
  });
}

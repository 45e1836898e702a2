// The counting pass: sorts the transactions once (date, then §2's order within a day) and
// walks them once, keeping per-year running totals for the NL KOR, the EU Union total,
// each member state and B2C distance sales, and noting every event the rules care about:
// crossings, approach levels, VAT shown while inside the KOR, invoices to remedy. Dates
// stay integers here; no Date objects and no per-transaction allocation beyond the events.
//
// `buildLedger` reads as its steps: read the transactions into typed columns, sort, gather
// the columns into sorted order, then walk each year's run of transactions. The KOR (§3.2)
// and the Union (§4) totals are one code path, `addToTotal`, told apart by their `Scheme`.

import { CATEGORIES, type CategoryInfo } from "./categories";
import { dateKeyOf, dayNumberOf } from "./dates";
import type { RuleSet } from "./rules";
import { CATEGORY_CODES, type Business, type ISODate, type Transaction } from "./types";

export type Measure = "kor" | "union";

/** One scheme's running total within a year. */
export type RunningTotal = {
  /** Counted cents so far. */
  cents: number;
  /** Sorted position of the transaction that took the total over the limit, or -1. */
  crossPos: number;
  /** How many of the approach levels (80%, 95%) the total has reached; all of them once crossed. */
  levels: number;
};

export type YearAccumulator = {
  year: number;
  rules: RuleSet;
  /** §3.2: turnover counted for the NL KOR. */
  kor: RunningTotal;
  /** §4: Union turnover counted for the EU-KOR. */
  union: RunningTotal;
  distance: number;
  txCount: number;
  memberStates: Map<string, number>;
  distanceCrossPos: number;
  /** Positions of EU_B2C_NL_VAT transactions, to find sales taxed in NL above the art. 59c threshold. */
  nlVatDistancePositions: number[];
  /** First position at which each state's running total exceeded its current-year ceiling. */
  memberStateCrossPos: Map<string, number>;
};

export type Period = {
  from: ISODate;
  /** Last day inside as given, or null when open. */
  to: ISODate | null;
  fromKey: number;
  toKey: number;
  /** Position of the crossing that ended this period, or -1. */
  crossingPos: number;
};

export type Crossing = { year: number; pos: number; before: number; after: number; whileParticipating: boolean };

export type Approach = { measure: Measure; year: number; pos: number; percent: number; totalCents: number; participating: boolean };

export type MemberStateCrossingEvent = { year: number; state: string; pos: number; limit: number };

export type RemediationEvent = { pos: number; ratePercent: number };

/** Counted amounts of one year, in date order, for the projection. */
export type Series = { days: number[]; cents: number[] };

export type Ledger = {
  txs: readonly Transaction[];
  /** Sorted position → input index. */
  order: Int32Array;
  /** Input index → yyyymmdd. */
  dateKeys: Int32Array;
  years: YearAccumulator[];
  yearMap: Map<number, YearAccumulator>;
  periods: Period[];
  korCrossings: Crossing[];
  unionCrossings: Crossing[];
  memberStateCrossings: MemberStateCrossingEvent[];
  approaches: Approach[];
  vatWhileParticipating: number[];
  remediation: RemediationEvent[];
  series: { korCurrent: Series; korPrevious: Series; unionCurrent: Series; unionPrevious: Series };
};

const OPEN_END = 99991231;
// yyyymmdd × 2^20 + index stays below 2^53, so the combined key is exact.
const INDEX_SPAN = 1 << 20;
// A few years of yyyymmdd keys span ~10,000 numbers per year: counting sort stays cheap up to here.
const COUNTING_SORT_MIN_RANGE = 1 << 16;

// Category codes as small integers, and their flags as typed arrays, so the pass reads
// compact memory instead of following each transaction object in sorted order.
const CATEGORY_INDEX: Readonly<Record<string, number>> = Object.fromEntries(CATEGORY_CODES.map((code, i) => [code, i]));
const INFO_BY_INDEX: readonly CategoryInfo[] = CATEGORY_CODES.map((code) => CATEGORIES[code]);
const COUNTS_KOR = Uint8Array.from(INFO_BY_INDEX, (c) => (c.countsForKor ? 1 : 0));
const COUNTS_UNION = Uint8Array.from(INFO_BY_INDEX, (c) => (c.countsForUnion ? 1 : 0));
const ANCILLARY_ALLOWED = Uint8Array.from(INFO_BY_INDEX, (c) => (c.ancillaryAllowed ? 1 : 0));
const STATE_NONE = 0;
const STATE_NL = 1;
const STATE_COUNTRY = 2;
const STATE_KIND = Uint8Array.from(INFO_BY_INDEX, (c) =>
  c.memberState === "NL" ? STATE_NL : c.memberState === "country" ? STATE_COUNTRY : STATE_NONE,
);
const IDX_NL_STANDARD = CATEGORY_INDEX.NL_STANDARD!;
const IDX_NL_REDUCED = CATEGORY_INDEX.NL_REDUCED!;
const IDX_B2C_NL_VAT = CATEGORY_INDEX.EU_B2C_NL_VAT!;
const IDX_B2C_FOREIGN_VAT = CATEGORY_INDEX.EU_B2C_FOREIGN_VAT!;

const FLAG_ANCILLARY = 1;
const FLAG_VAT = 2;

/** What sets the NL KOR total (§3.2) apart from the EU-KOR Union total (§4) while counting (§2 says what counts for which). */
type Scheme = {
  measure: Measure;
  /** Per category index: 1 when the category counts towards this total. */
  counts: Uint8Array;
  /** The limit the total is held against in a year. */
  limitOf: (rules: RuleSet) => number;
  /** The scheme's running total in a year. */
  totalOf: (acc: YearAccumulator) => RunningTotal;
  /** Only the NL KOR has participations: a crossing inside one ends it, and its events say whether the business was inside. */
  hasParticipation: boolean;
};

const KOR_SCHEME: Scheme = {
  measure: "kor",
  counts: COUNTS_KOR,
  limitOf: (rules) => rules.korLimitCents,
  totalOf: (acc) => acc.kor,
  hasParticipation: true,
};

const UNION_SCHEME: Scheme = {
  measure: "union",
  counts: COUNTS_UNION,
  limitOf: (rules) => rules.unionLimitCents,
  totalOf: (acc) => acc.union,
  hasParticipation: false,
};

const SCHEMES: Readonly<Record<Measure, Scheme>> = { kor: KOR_SCHEME, union: UNION_SCHEME };

/** The transactions as typed columns in input order, plus what the sort needs to know. */
type Columns = {
  dateKeys: Int32Array;
  nets: Float64Array;
  cats: Uint8Array;
  flags: Uint8Array;
  /** The country of categories whose member state is the customer's, by input index. */
  countries: (string | undefined)[];
  /** NaN marks "no sequence"; null when no transaction has one. */
  sequences: Float64Array | null;
  /** True when the input is already in date order. */
  inOrder: boolean;
};

/** The columns the pass reads, gathered into sorted order. */
type SortedColumns = { keys: Int32Array; nets: Float64Array; cats: Uint8Array; flags: Uint8Array };

/** Everything the pass keeps from the first transaction to the last: where it is, and what it found. */
type Pass = {
  sorted: SortedColumns;
  order: Int32Array;
  countries: (string | undefined)[];
  home: string;
  asOfYear: number;
  periods: Period[];
  /** Index of the first period that does not end before the walked day. */
  periodPtr: number;
  /** True once a crossing has ended a participation: from then on domestic invoices without VAT need remedying. */
  participatingCrossingSeen: boolean;
  years: YearAccumulator[];
  yearMap: Map<number, YearAccumulator>;
  crossings: Record<Measure, Crossing[]>;
  series: Record<Measure, { current: Series; previous: Series }>;
  approaches: Approach[];
  memberStateCrossings: MemberStateCrossingEvent[];
  vatWhileParticipating: number[];
  remediation: RemediationEvent[];
  /** The last day number worked out for a series, and its yyyymmdd key. */
  dayKey: number;
  day: number;
};

/** A scheme's counting within the walked year: its running total and limit, and where its events go. */
type Tally = {
  scheme: Scheme;
  year: number;
  rules: RuleSet;
  /** The year's running total (inside its YearAccumulator). */
  total: RunningTotal;
  limit: number;
  /** The year's series when the projection needs it (the asOf year and the one before), else null. */
  series: Series | null;
  crossings: Crossing[];
};

/** The year being walked: its accumulator, its rules and one tally per scheme. */
type WalkedYear = { acc: YearAccumulator; rules: RuleSet; kor: Tally; union: Tally };

/** The business's KOR participations as periods in date order. */
function sortPeriods(business: Business): Period[] {
  return (business.korParticipations ?? [])
    .map((p) => ({
      from: p.from,
      to: p.to ?? null,
      fromKey: dateKeyOf(p.from),
      toKey: p.to ? dateKeyOf(p.to) : OPEN_END,
      crossingPos: -1,
    }))
    .sort((a, b) => a.fromKey - b.fromKey);
}

/** "2026-09-10" → 20260910, unrolled: this runs once per transaction on every evaluation. */
function fastDateKey(d: string): number {
  return (
    (d.charCodeAt(0) * 1000 + d.charCodeAt(1) * 100 + d.charCodeAt(2) * 10 + d.charCodeAt(3) - 53328) * 10000 +
    (d.charCodeAt(5) * 10 + d.charCodeAt(6) - 528) * 100 +
    (d.charCodeAt(8) * 10 + d.charCodeAt(9) - 528)
  );
}

/** Step 1: reads the transactions once into typed columns (date key, net, category, flags, country, sequence). */
function readColumns(txs: readonly Transaction[]): Columns {
  const n = txs.length;
  const dateKeys = new Int32Array(n);
  const nets = new Float64Array(n);
  const cats = new Uint8Array(n);
  const flags = new Uint8Array(n);
  const countries: (string | undefined)[] = new Array<string | undefined>(n);
  let inOrder = true;
  // Allocated only when some transaction has a sequence.
  let sequences: Float64Array | null = null;
  for (let i = 0; i < n; i++) {
    const tx = txs[i]!;
    const key = fastDateKey(tx.date);
    dateKeys[i] = key;
    nets[i] = tx.netCents;
    const cat = CATEGORY_INDEX[tx.category]!;
    cats[i] = cat;
    if (STATE_KIND[cat] === STATE_COUNTRY) countries[i] = tx.country;
    let f = 0;
    if (tx.ancillary === true) f |= FLAG_ANCILLARY;
    if (tx.vatCents !== undefined && tx.vatCents !== 0) f |= FLAG_VAT;
    if (tx.sequence !== undefined) {
      if (sequences === null) sequences = new Float64Array(n).fill(NaN);
      sequences[i] = tx.sequence;
    }
    flags[i] = f;
    if (i > 0 && key < dateKeys[i - 1]!) inOrder = false;
  }
  return { dateKeys, nets, cats, flags, countries, sequences, inOrder };
}

/** Within one day: sequenced first by sequence, then unsequenced (NaN); ties in input order. */
function compareWithinDay(sequences: Float64Array, a: number, b: number): number {
  const sa = sequences[a]!;
  const sb = sequences[b]!;
  const hasA = !Number.isNaN(sa);
  const hasB = !Number.isNaN(sb);
  if (hasA && hasB && sa !== sb) return sa - sb;
  if (hasA && !hasB) return -1;
  if (!hasA && hasB) return 1;
  return a - b;
}

/**
 * Step 2, §2: by date; within a day by `sequence` when given, else by input order. Choice (§2
 * leaves the mix open): on a day with both, sequenced transactions come first, in
 * sequence order, then the unsequenced ones in input order. Sorted once by (date, input
 * index) as numbers; only days that hold a sequenced transaction are then re-sorted.
 */
export function sortOrder(dateKeys: Int32Array, sequences: Float64Array | null, inOrder: boolean): Int32Array {
  const n = dateKeys.length;
  let order = new Int32Array(n);
  let minKey = Infinity;
  let maxKey = -Infinity;
  if (!inOrder) {
    for (let i = 0; i < n; i++) {
      const key = dateKeys[i]!;
      if (key < minKey) minKey = key;
      if (key > maxKey) maxKey = key;
    }
  }
  if (inOrder) {
    for (let i = 0; i < n; i++) order[i] = i;
  } else if (maxKey - minKey < Math.max(COUNTING_SORT_MIN_RANGE, 8 * n)) {
    // Counting sort on yyyymmdd: linear, and stable, so input order is kept within a day.
    const range = maxKey - minKey + 1;
    const starts = new Int32Array(range + 1);
    for (let i = 0; i < n; i++) starts[dateKeys[i]! - minKey + 1]! += 1;
    for (let b = 1; b <= range; b++) starts[b]! += starts[b - 1]!;
    for (let i = 0; i < n; i++) order[starts[dateKeys[i]! - minKey]!++] = i;
  } else if (n < INDEX_SPAN) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = dateKeys[i]! * INDEX_SPAN + i;
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = keys[i]! % INDEX_SPAN;
  } else {
    for (let i = 0; i < n; i++) order[i] = i;
    order = order.sort((a, b) => dateKeys[a]! - dateKeys[b]! || a - b);
  }
  if (sequences === null) return order;
  const compare = (a: number, b: number): number => compareWithinDay(sequences, a, b);
  let start = 0;
  while (start < n) {
    const key = dateKeys[order[start]!]!;
    let end = start + 1;
    let sequenced = !Number.isNaN(sequences[order[start]!]!);
    while (end < n && dateKeys[order[end]!]! === key) {
      if (!Number.isNaN(sequences[order[end]!]!)) sequenced = true;
      end++;
    }
    if (sequenced && end - start > 1) order.subarray(start, end).sort(compare);
    start = end;
  }
  return order;
}

/** Step 3: the columns the pass reads, in sorted order, in tight loops so the pass reads memory in sequence. */
function gatherSorted(columns: Columns, order: Int32Array): SortedColumns {
  const { dateKeys, nets, cats, flags } = columns;
  const n = order.length;
  let identity = true;
  for (let pos = 0; pos < n && identity; pos++) if (order[pos] !== pos) identity = false;
  if (identity) return { keys: dateKeys, nets, cats, flags };
  const sorted = { keys: new Int32Array(n), nets: new Float64Array(n), cats: new Uint8Array(n), flags: new Uint8Array(n) };
  for (let pos = 0; pos < n; pos++) sorted.keys[pos] = dateKeys[order[pos]!]!;
  for (let pos = 0; pos < n; pos++) sorted.nets[pos] = nets[order[pos]!]!;
  for (let pos = 0; pos < n; pos++) sorted.cats[pos] = cats[order[pos]!]!;
  for (let pos = 0; pos < n; pos++) sorted.flags[pos] = flags[order[pos]!]!;
  return sorted;
}

function emptySeries(): Series {
  return { days: [], cents: [] };
}

function newRunningTotal(): RunningTotal {
  return { cents: 0, crossPos: -1, levels: 0 };
}

function newYear(year: number, rules: RuleSet): YearAccumulator {
  return {
    year,
    rules,
    kor: newRunningTotal(),
    union: newRunningTotal(),
    distance: 0,
    txCount: 0,
    memberStates: new Map(),
    distanceCrossPos: -1,
    nlVatDistancePositions: [],
    memberStateCrossPos: new Map(),
  };
}

/** The pass before its first transaction. */
function newPass(columns: Columns, sorted: SortedColumns, order: Int32Array, business: Business, asOfYear: number): Pass {
  return {
    sorted,
    order,
    countries: columns.countries,
    home: business.establishedIn,
    asOfYear,
    periods: sortPeriods(business),
    periodPtr: 0,
    participatingCrossingSeen: false,
    years: [],
    yearMap: new Map(),
    crossings: { kor: [], union: [] },
    series: { kor: { current: emptySeries(), previous: emptySeries() }, union: { current: emptySeries(), previous: emptySeries() } },
    approaches: [],
    memberStateCrossings: [],
    vatWhileParticipating: [],
    remediation: [],
    dayKey: -1,
    day: 0,
  };
}

/**
 * Step 4: walks the sorted transactions one year's run at a time, counting each in every
 * total it belongs to and noting the events it causes. The steps are small functions the
 * compiler inlines; this loop only reads the columns.
 */
function walk(pass: Pass, rulesOf: (year: number) => RuleSet): void {
  const { keys, nets, cats, flags } = pass.sorted;
  const korCounts = KOR_SCHEME.counts;
  const unionCounts = UNION_SCHEME.counts;
  const n = keys.length;
  let pos = 0;
  while (pos < n) {
    const year = (keys[pos]! / 10000) | 0;
    const firstOfNextYear = (year + 1) * 10000;
    const walked = openYear(pass, year, rulesOf(year));
    const { acc, rules, kor, union } = walked;
    for (; pos < n; pos++) {
      const key = keys[pos]!;
      if (key >= firstOfNextYear) break;
      const net = nets[pos]!;
      const cat = cats[pos]!;
      const f = flags[pos]!;
      acc.txCount += 1;
      const period = participationOn(pass, key);
      const participatingBefore = period !== null && period.crossingPos < 0;
      if (net !== 0 && !isAncillaryOut(rules, cat, f)) {
        if (korCounts[cat] === 1) addToTotal(pass, kor, pos, key, net, period, participatingBefore);
        if (unionCounts[cat] === 1) {
          addToTotal(pass, union, pos, key, net, period, participatingBefore);
          addToMemberState(pass, walked, pos, cat, net);
        }
      }
      addToDistanceSales(walked, pos, cat, net);
      const participatingAfter = period !== null && period.crossingPos < 0;
      noteVatWhileParticipating(pass, pos, f, participatingAfter);
      noteRemediation(pass, rules, pos, cat, f, net, participatingAfter);
    }
  }
}

/** Starts a year: its accumulator (new unless seen before) and a tally per scheme against the year's limits. */
function openYear(pass: Pass, year: number, rules: RuleSet): WalkedYear {
  let acc = pass.yearMap.get(year);
  if (!acc) {
    acc = newYear(year, rules);
    pass.yearMap.set(year, acc);
    pass.years.push(acc);
  }
  return { acc, rules, kor: tallyOf(pass, KOR_SCHEME, acc, rules), union: tallyOf(pass, UNION_SCHEME, acc, rules) };
}

/** A scheme's tally for a year. */
function tallyOf(pass: Pass, scheme: Scheme, acc: YearAccumulator, rules: RuleSet): Tally {
  const series = pass.series[scheme.measure];
  return {
    scheme,
    year: acc.year,
    rules,
    total: scheme.totalOf(acc),
    limit: scheme.limitOf(rules),
    series: acc.year === pass.asOfYear ? series.current : acc.year === pass.asOfYear - 1 ? series.previous : null,
    crossings: pass.crossings[scheme.measure],
  };
}

/** The KOR participation covering a day, or null; days come in order, so the search only moves forward. */
function participationOn(pass: Pass, key: number): Period | null {
  const periods = pass.periods;
  while (pass.periodPtr < periods.length && periods[pass.periodPtr]!.toKey < key) pass.periodPtr++;
  const period = periods[pass.periodPtr];
  return period !== undefined && period.fromKey <= key ? period : null;
}

/** §2: ancillary exempt supplies stay out of both totals in the years the rules say so. */
function isAncillaryOut(rules: RuleSet, cat: number, f: number): boolean {
  return (f & FLAG_ANCILLARY) !== 0 && ANCILLARY_ALLOWED[cat] === 1 && rules.ancillaryExemptExcluded;
}

/** The one code path of the KOR and the Union totals: adds a counted amount to the walked year's total of a scheme. */
function addToTotal(
  pass: Pass,
  tally: Tally,
  pos: number,
  key: number,
  net: number,
  period: Period | null,
  participatingBefore: boolean,
): void {
  const total = tally.total;
  const before = total.cents;
  total.cents = before + net;
  if (total.crossPos < 0) noteCrossingOrApproach(pass, tally, pos, before, period, participatingBefore);
  const series = tally.series;
  if (series !== null) {
    series.days.push(dayNumberAt(pass, key));
    series.cents.push(net);
  }
}

/** Until a year's total has crossed: notes the crossing (which may end a participation) or a newly reached approach level. */
function noteCrossingOrApproach(
  pass: Pass,
  tally: Tally,
  pos: number,
  before: number,
  period: Period | null,
  participatingBefore: boolean,
): void {
  const { scheme, total, limit, year, rules } = tally;
  const participating = scheme.hasParticipation && participatingBefore;
  const after = total.cents;
  if (after > limit) {
    total.crossPos = pos;
    total.levels = rules.approachingPercents.length;
    tally.crossings.push({ year, pos, before, after, whileParticipating: participating });
    if (participating && period !== null) endParticipation(pass, period, pos);
    return;
  }
  const reached = levelsReached(after, limit, rules.approachingPercents);
  if (reached > total.levels) {
    total.levels = reached;
    pass.approaches.push({
      measure: scheme.measure,
      year,
      pos,
      percent: rules.approachingPercents[reached - 1]!,
      totalCents: after,
      participating,
    });
  }
}

/** How many of the approach levels (80%, 95%) a running total has reached. */
function levelsReached(total: number, limit: number, percents: readonly number[]): number {
  let reached = 0;
  for (const percent of percents) if (total * 100 >= limit * percent) reached += 1;
  return reached;
}

/** §3.2: a crossing while inside the KOR ends that participation at the crossing. */
function endParticipation(pass: Pass, period: Period, pos: number): void {
  period.crossingPos = pos;
  pass.participatingCrossingSeen = true;
}

/** The day number of a yyyymmdd key, remembered for the run of transactions on the same day. */
function dayNumberAt(pass: Pass, key: number): number {
  if (key !== pass.dayKey) {
    pass.dayKey = key;
    pass.day = dayNumberOf((key / 10000) | 0, ((key / 100) | 0) % 100, key % 100);
  }
  return pass.day;
}

/** §4: the Union amount per member state, and the first time a foreign state's total goes over its current-year ceiling. */
function addToMemberState(pass: Pass, walked: WalkedYear, pos: number, cat: number, net: number): void {
  const kind = STATE_KIND[cat];
  const state = kind === STATE_NL ? "NL" : kind === STATE_COUNTRY ? pass.countries[pass.order[pos]!] : undefined;
  if (state === undefined) return;
  const acc = walked.acc;
  const stateTotal = (acc.memberStates.get(state) ?? 0) + net;
  acc.memberStates.set(state, stateTotal);
  if (state === pass.home || acc.memberStateCrossPos.has(state)) return;
  const threshold = walked.rules.memberStateThresholds[state];
  if (!threshold) return;
  const ceiling = threshold.currentYearCeilingCents ?? threshold.thresholdCents;
  if (stateTotal > ceiling) {
    acc.memberStateCrossPos.set(state, pos);
    pass.memberStateCrossings.push({ year: acc.year, state, pos, limit: ceiling });
  }
}

/** §1, art. 59c: B2C distance sales against their own threshold, and which of them were taxed in NL. */
function addToDistanceSales(walked: WalkedYear, pos: number, cat: number, net: number): void {
  if (cat !== IDX_B2C_NL_VAT && cat !== IDX_B2C_FOREIGN_VAT) return;
  const acc = walked.acc;
  if (cat === IDX_B2C_NL_VAT) acc.nlVatDistancePositions.push(pos);
  acc.distance += net;
  const threshold = walked.rules.distanceSalesThresholdCents;
  if (threshold !== null && acc.distanceCrossPos < 0 && acc.distance > threshold) acc.distanceCrossPos = pos;
}

/** §3.5: an invoice showing VAT while the business is inside the KOR. */
function noteVatWhileParticipating(pass: Pass, pos: number, f: number, participating: boolean): void {
  if ((f & FLAG_VAT) !== 0 && participating) pass.vatWhileParticipating.push(pos);
}

/** §3.3: after a crossing ended a participation, a domestic invoice without VAT must be remedied. */
function noteRemediation(pass: Pass, rules: RuleSet, pos: number, cat: number, f: number, net: number, participating: boolean): void {
  if (!pass.participatingCrossingSeen || participating || net <= 0 || (f & FLAG_VAT) !== 0) return;
  if (cat !== IDX_NL_STANDARD && cat !== IDX_NL_REDUCED) return;
  const rates = rules.vatRatesPercent;
  pass.remediation.push({ pos, ratePercent: cat === IDX_NL_STANDARD ? rates.standard : rates.reduced });
}

export function buildLedger(txs: readonly Transaction[], business: Business, asOfYear: number, rulesOf: (year: number) => RuleSet): Ledger {
  const columns = readColumns(txs);
  const order = sortOrder(columns.dateKeys, columns.sequences, columns.inOrder);
  const sorted = gatherSorted(columns, order);
  const pass = newPass(columns, sorted, order, business, asOfYear);
  walk(pass, rulesOf);
  return {
    txs,
    order,
    dateKeys: columns.dateKeys,
    years: pass.years,
    yearMap: pass.yearMap,
    periods: pass.periods,
    korCrossings: pass.crossings.kor,
    unionCrossings: pass.crossings.union,
    memberStateCrossings: pass.memberStateCrossings,
    approaches: pass.approaches,
    vatWhileParticipating: pass.vatWhileParticipating,
    remediation: pass.remediation,
    series: {
      korCurrent: pass.series.kor.current,
      korPrevious: pass.series.kor.previous,
      unionCurrent: pass.series.union.current,
      unionPrevious: pass.series.union.previous,
    },
  };
}

/** The transaction at a sorted position. */
export function txAt(ledger: Ledger, pos: number): Transaction {
  return ledger.txs[ledger.order[pos]!]!;
}

/**
 * §2: when the order on the crossing day is not fixed — the crossing transaction has no
 * sequence and another counted, unsequenced transaction shares its day — every such
 * transaction of that day is "at risk": a different order would make another one cross.
 */
export function atRiskOnCrossingDay(ledger: Ledger, pos: number, measure: Measure): string[] {
  const crossing = txAt(ledger, pos);
  if (crossing.sequence !== undefined) return [];
  const key = ledger.dateKeys[ledger.order[pos]!]!;
  const ancillaryExcluded = ledger.yearMap.get((key / 10000) | 0)?.rules.ancillaryExemptExcluded ?? true;
  const counts = SCHEMES[measure].counts;
  let first = pos;
  while (first > 0 && ledger.dateKeys[ledger.order[first - 1]!]! === key) first--;
  const ids: string[] = [];
  for (let p = first; p < ledger.order.length && ledger.dateKeys[ledger.order[p]!]! === key; p++) {
    const tx = txAt(ledger, p);
    if (tx.sequence !== undefined || tx.netCents === 0) continue;
    const cat = CATEGORY_INDEX[tx.category]!;
    const ancillaryOut = ancillaryExcluded && ANCILLARY_ALLOWED[cat] === 1 && tx.ancillary === true;
    if (counts[cat] === 1 && !ancillaryOut) ids.push(tx.id);
  }
  return ids.length >= 2 ? ids : [];
}

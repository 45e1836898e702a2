// TEST-ONLY FROZEN REFERENCE — never import this from the app, the CLI or the bench.
// lib/kor/ledger.ts exactly as it was before it was split into named steps (commit 07132eb), kept so that
// __reference__/equivalence.test.ts can compare the engine against it on random books.
// Do not edit or "fix" it: its only value is that it is the old behaviour. Delete it
// together with the equivalence test once the split has shipped and settled.

// The counting pass: sorts the transactions once (date, then §2's order within a day) and
// walks them once, keeping per-year running totals for the NL KOR, the EU Union total,
// each member state and B2C distance sales, and noting every event the rules care about:
// crossings, approach levels, VAT shown while inside the KOR, invoices to remedy. Dates
// stay integers here; no Date objects and no per-transaction allocation beyond the events.

import { CATEGORIES, type CategoryInfo } from "../categories";
import { dateKeyOf, dayNumberOf } from "../dates";
import type { RuleSet } from "../rules";
import { CATEGORY_CODES, type Business, type ISODate, type Transaction } from "../types";

export type Measure = "kor" | "union";

export type YearAccumulator = {
  year: number;
  rules: RuleSet;
  kor: number;
  union: number;
  distance: number;
  txCount: number;
  memberStates: Map<string, number>;
  korCrossPos: number;
  unionCrossPos: number;
  distanceCrossPos: number;
  korLevels: number;
  unionLevels: number;
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

/** "2026-09-10" → 20260910, unrolled: this runs once per transaction on every evaluation. */
function fastDateKey(d: string): number {
  return (
    (d.charCodeAt(0) * 1000 + d.charCodeAt(1) * 100 + d.charCodeAt(2) * 10 + d.charCodeAt(3) - 53328) * 10000 +
    (d.charCodeAt(5) * 10 + d.charCodeAt(6) - 528) * 100 +
    (d.charCodeAt(8) * 10 + d.charCodeAt(9) - 528)
  );
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
 * §2: by date; within a day by `sequence` when given, else by input order. Choice (§2
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

function newYear(year: number, rules: RuleSet): YearAccumulator {
  return {
    year,
    rules,
    kor: 0,
    union: 0,
    distance: 0,
    txCount: 0,
    memberStates: new Map(),
    korCrossPos: -1,
    unionCrossPos: -1,
    distanceCrossPos: -1,
    korLevels: 0,
    unionLevels: 0,
    nlVatDistancePositions: [],
    memberStateCrossPos: new Map(),
  };
}

/** How many of the approach levels (80%, 95%) a running total has reached. */
function levelsReached(total: number, limit: number, percents: readonly number[]): number {
  let reached = 0;
  for (const percent of percents) if (total * 100 >= limit * percent) reached += 1;
  return reached;
}

function emptySeries(): Series {
  return { days: [], cents: [] };
}

export function buildLedger(txs: readonly Transaction[], business: Business, asOfYear: number, rulesOf: (year: number) => RuleSet): Ledger {
  const n = txs.length;
  const dateKeys = new Int32Array(n);
  const nets = new Float64Array(n);
  const cats = new Uint8Array(n);
  const flags = new Uint8Array(n);
  const countries: (string | undefined)[] = new Array<string | undefined>(n);
  let inOrder = true;
  // NaN marks "no sequence"; allocated only when some transaction has one.
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
  const order = sortOrder(dateKeys, sequences, inOrder);
  // Gather into sorted order once, in tight loops, so the pass below reads memory in sequence.
  let identity = true;
  for (let pos = 0; pos < n && identity; pos++) if (order[pos] !== pos) identity = false;
  const sKeys = identity ? dateKeys : new Int32Array(n);
  const sNets = identity ? nets : new Float64Array(n);
  const sCats = identity ? cats : new Uint8Array(n);
  const sFlags = identity ? flags : new Uint8Array(n);
  if (!identity) {
    for (let pos = 0; pos < n; pos++) sKeys[pos] = dateKeys[order[pos]!]!;
    for (let pos = 0; pos < n; pos++) sNets[pos] = nets[order[pos]!]!;
    for (let pos = 0; pos < n; pos++) sCats[pos] = cats[order[pos]!]!;
    for (let pos = 0; pos < n; pos++) sFlags[pos] = flags[order[pos]!]!;
  }
  const periods = sortPeriods(business);
  const home = business.establishedIn;

  const years: YearAccumulator[] = [];
  const yearMap = new Map<number, YearAccumulator>();
  const korCrossings: Crossing[] = [];
  const unionCrossings: Crossing[] = [];
  const memberStateCrossings: MemberStateCrossingEvent[] = [];
  const approaches: Approach[] = [];
  const vatWhileParticipating: number[] = [];
  const remediation: RemediationEvent[] = [];
  const series = { korCurrent: emptySeries(), korPrevious: emptySeries(), unionCurrent: emptySeries(), unionPrevious: emptySeries() };

  let acc: YearAccumulator | undefined;
  let rules: RuleSet | undefined;
  let curYear = -1;
  let seriesKor: Series | null = null;
  let seriesUnion: Series | null = null;
  let periodPtr = 0;
  let participatingCrossingSeen = false;
  let lastKey = -1;
  let lastDay = 0;

  for (let pos = 0; pos < n; pos++) {
    const key = sKeys[pos]!;
    const year = (key / 10000) | 0;
    if (year !== curYear || acc === undefined || rules === undefined) {
      curYear = year;
      rules = rulesOf(year);
      acc = yearMap.get(year);
      if (!acc) {
        acc = newYear(year, rules);
        yearMap.set(year, acc);
        years.push(acc);
      }
      seriesKor = year === asOfYear ? series.korCurrent : year === asOfYear - 1 ? series.korPrevious : null;
      seriesUnion = year === asOfYear ? series.unionCurrent : year === asOfYear - 1 ? series.unionPrevious : null;
    }
    acc.txCount += 1;

    while (periodPtr < periods.length && periods[periodPtr]!.toKey < key) periodPtr++;
    const period = periodPtr < periods.length && periods[periodPtr]!.fromKey <= key ? periods[periodPtr]! : null;
    const participatingBefore = period !== null && period.crossingPos < 0;

    const cat = sCats[pos]!;
    const f = sFlags[pos]!;
    let countsKor = COUNTS_KOR[cat] === 1;
    let countsUnion = COUNTS_UNION[cat] === 1;
    if ((f & FLAG_ANCILLARY) !== 0 && ANCILLARY_ALLOWED[cat] === 1 && rules.ancillaryExemptExcluded) {
      countsKor = false;
      countsUnion = false;
    }
    const net = sNets[pos]!;
    if ((seriesKor !== null || seriesUnion !== null) && key !== lastKey) {
      lastKey = key;
      lastDay = dayNumberOf(year, ((key / 100) | 0) % 100, key % 100);
    }

    if (countsKor && net !== 0) {
      const before = acc.kor;
      const after = before + net;
      acc.kor = after;
      if (acc.korCrossPos < 0) {
        const limit = rules.korLimitCents;
        if (after > limit) {
          acc.korCrossPos = pos;
          acc.korLevels = rules.approachingPercents.length;
          korCrossings.push({ year, pos, before, after, whileParticipating: participatingBefore });
          if (participatingBefore && period) {
            period.crossingPos = pos;
            participatingCrossingSeen = true;
          }
        } else {
          const reached = levelsReached(after, limit, rules.approachingPercents);
          if (reached > acc.korLevels) {
            acc.korLevels = reached;
            approaches.push({
              measure: "kor",
              year,
              pos,
              percent: rules.approachingPercents[reached - 1]!,
              totalCents: after,
              participating: participatingBefore,
            });
          }
        }
      }
      if (seriesKor) {
        seriesKor.days.push(lastDay);
        seriesKor.cents.push(net);
      }
    }

    if (countsUnion && net !== 0) {
      const before = acc.union;
      const after = before + net;
      acc.union = after;
      if (acc.unionCrossPos < 0) {
        const limit = rules.unionLimitCents;
        if (after > limit) {
          acc.unionCrossPos = pos;
          acc.unionLevels = rules.approachingPercents.length;
          unionCrossings.push({ year, pos, before, after, whileParticipating: false });
        } else {
          const reached = levelsReached(after, limit, rules.approachingPercents);
          if (reached > acc.unionLevels) {
            acc.unionLevels = reached;
            approaches.push({
              measure: "union",
              year,
              pos,
              percent: rules.approachingPercents[reached - 1]!,
              totalCents: after,
              participating: false,
            });
          }
        }
      }
      if (seriesUnion) {
        seriesUnion.days.push(lastDay);
        seriesUnion.cents.push(net);
      }
      const kind = STATE_KIND[cat];
      const state = kind === STATE_NL ? "NL" : kind === STATE_COUNTRY ? countries[order[pos]!] : undefined;
      if (state !== undefined) {
        const stateTotal = (acc.memberStates.get(state) ?? 0) + net;
        acc.memberStates.set(state, stateTotal);
        if (state !== home && !acc.memberStateCrossPos.has(state)) {
          const threshold = rules.memberStateThresholds[state];
          if (threshold) {
            const ceiling = threshold.currentYearCeilingCents ?? threshold.thresholdCents;
            if (stateTotal > ceiling) {
              acc.memberStateCrossPos.set(state, pos);
              memberStateCrossings.push({ year, state, pos, limit: ceiling });
            }
          }
        }
      }
    }

    if (cat === IDX_B2C_NL_VAT || cat === IDX_B2C_FOREIGN_VAT) {
      if (cat === IDX_B2C_NL_VAT) acc.nlVatDistancePositions.push(pos);
      acc.distance += net;
      const threshold = rules.distanceSalesThresholdCents;
      if (threshold !== null && acc.distanceCrossPos < 0 && acc.distance > threshold) acc.distanceCrossPos = pos;
    }

    const participatingAfter = period !== null && period.crossingPos < 0;
    const hasVat = (f & FLAG_VAT) !== 0;
    if (hasVat && participatingAfter) vatWhileParticipating.push(pos);
    if (participatingCrossingSeen && !participatingAfter && net > 0 && !hasVat && (cat === IDX_NL_STANDARD || cat === IDX_NL_REDUCED)) {
      remediation.push({ pos, ratePercent: cat === IDX_NL_STANDARD ? rules.vatRatesPercent.standard : rules.vatRatesPercent.reduced });
    }
  }

  return {
    txs,
    order,
    dateKeys,
    years,
    yearMap,
    periods,
    korCrossings,
    unionCrossings,
    memberStateCrossings,
    approaches,
    vatWhileParticipating,
    remediation,
    series,
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
  let first = pos;
  while (first > 0 && ledger.dateKeys[ledger.order[first - 1]!]! === key) first--;
  const ids: string[] = [];
  for (let p = first; p < ledger.order.length && ledger.dateKeys[ledger.order[p]!]! === key; p++) {
    const tx = txAt(ledger, p);
    if (tx.sequence !== undefined || tx.netCents === 0) continue;
    const info = CATEGORIES[tx.category];
    const counts = measure === "kor" ? info.countsForKor : info.countsForUnion;
    const ancillaryOut = ancillaryExcluded && info.ancillaryAllowed && tx.ancillary === true;
    if (counts && !ancillaryOut) ids.push(tx.id);
  }
  return ids.length >= 2 ? ids : [];
}

// Speed of the rules engine, single-threaded: one business with 100,000 transactions over
// three years, and 1,000 businesses of 500 transactions each, through the same `evaluate`
// the app calls. Prints median times over several runs after warm-up runs. Targets:
// < 100 ms and < 1 s. The data is generated from a fixed seed, so runs are comparable.

import { performance } from "node:perf_hooks";
import { evaluate, parseEngineInput, type Category, type EngineInput, type Transaction } from "../lib/kor";

const WARMUP_RUNS = 3;
const MEASURED_RUNS = 9;

// mulberry32: small, fast, deterministic.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIGHTED_CATEGORIES: [Category, number][] = [
  ["NL_STANDARD", 50],
  ["NL_REDUCED", 12],
  ["NL_ZERO", 2],
  ["NL_REVERSE_CHARGE", 4],
  ["EXPORT_NON_EU", 3],
  ["EU_B2B_GOODS", 4],
  ["EU_B2C_NL_VAT", 5],
  ["EU_B2C_FOREIGN_VAT", 6],
  ["EU_B2B_SERVICES", 5],
  ["EU_LOCAL", 2],
  ["NON_EU_SERVICES", 2],
  ["EXEMPT_REAL_ESTATE", 1],
  ["EXEMPT_FINANCIAL", 1],
  ["EXEMPT_INSURANCE", 1],
  ["EXEMPT_OTHER", 1],
  ["PRIVATE_USE", 1],
  ["ASSET_SALE", 0.5],
];
const TOTAL_WEIGHT = WEIGHTED_CATEGORIES.reduce((s, [, w]) => s + w, 0);
const COUNTRIES = ["DE", "BE", "FR", "AT", "IT", "ES", "DK", "SE"];
const NEEDS_COUNTRY = new Set<Category>(["EU_B2C_FOREIGN_VAT", "EU_B2B_SERVICES", "EU_LOCAL"]);

function pickCategory(rnd: () => number): Category {
  let r = rnd() * TOTAL_WEIGHT;
  for (const [category, weight] of WEIGHTED_CATEGORIES) {
    r -= weight;
    if (r <= 0) return category;
  }
  return "NL_STANDARD";
}

function isoDate(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

const DAY_2024_01_01 = Date.UTC(2024, 0, 1) / 86_400_000;
const DAYS_3_YEARS = 366 + 365 + 365;

function business(seed: number, count: number, averageCents: number, shuffled: boolean): EngineInput {
  const rnd = random(seed);
  const participating = rnd() < 0.6;
  const transactions: Transaction[] = [];
  for (let i = 0; i < count; i++) {
    const category = pickCategory(rnd);
    const credit = rnd() < 0.03;
    const net = Math.max(1, Math.round(averageCents * (0.2 + 1.6 * rnd())));
    const tx: Transaction = {
      id: `t${seed}-${i}`,
      date: isoDate(DAY_2024_01_01 + Math.floor((i / count) * DAYS_3_YEARS)),
      netCents: credit ? -net : net,
      vatCents: 0,
      category,
    };
    if (NEEDS_COUNTRY.has(category)) tx.country = COUNTRIES[Math.floor(rnd() * COUNTRIES.length)]!;
    // Outside the KOR domestic invoices carry VAT; inside it, now and then one by mistake.
    if (!credit && (category === "NL_STANDARD" || category === "NL_REDUCED") && rnd() < (participating ? 0.002 : 1)) {
      tx.vatCents = Math.round((net * (category === "NL_STANDARD" ? 21 : 9)) / 100);
    }
    if (category.startsWith("EXEMPT_") && rnd() < 0.3) tx.ancillary = true;
    transactions.push(tx);
  }
  if (shuffled) {
    for (let i = transactions.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [transactions[i], transactions[j]] = [transactions[j]!, transactions[i]!];
    }
  }
  // Through JSON, as the API and the command line receive it (flat strings, plain objects).
  return roundTrip({
    asOf: "2026-10-15",
    business: {
      establishedIn: "NL",
      filingPeriod: rnd() < 0.8 ? "quarter" : "month",
      korParticipations: participating ? [{ from: "2023-01-01" }] : [],
      ...(rnd() < 0.3 ? { euKor: { memberStates: ["DE", "BE", "FR"] } } : {}),
    },
    transactions,
    queries: [
      { id: "q1", type: "euKorNotifyBy", crossedOn: "2026-09-10" },
      { id: "q2", type: "korEffectiveDate", receivedOn: "2026-10-15" },
    ],
  });
}

function roundTrip(input: EngineInput): EngineInput {
  return JSON.parse(JSON.stringify(input)) as EngineInput;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function measure(label: string, targetMs: number | null, run: () => void): void {
  for (let i = 0; i < WARMUP_RUNS; i++) run();
  const times: number[] = [];
  for (let i = 0; i < MEASURED_RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  const m = median(times);
  const verdict = targetMs === null ? "" : `  target < ${targetMs} ms: ${m < targetMs ? "OK" : "MISSED"}`;
  console.log(
    `${label.padEnd(62)} median ${m.toFixed(1).padStart(7)} ms  (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})${verdict}`,
  );
}

// Sink so the engine's work cannot be optimised away.
let sink = 0;

const big = business(1, 100_000, 5_000, true);
const bigSorted = { ...big, transactions: [...big.transactions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) };
const bigSequenced = roundTrip({ ...big, transactions: big.transactions.map((t, i) => ({ ...t, sequence: i % 7 })) });
const many = Array.from({ length: 1_000 }, (_, i) => business(1_000 + i, 500, 6_000, false));

console.log(`kor-engine bench — node ${process.version}, ${MEASURED_RUNS} measured runs after ${WARMUP_RUNS} warm-up runs, single thread`);
measure("evaluate: 1 business × 100,000 transactions (shuffled input)", 100, () => {
  sink += evaluate(big).alerts.length;
});
measure("evaluate: 1 business × 100,000 transactions (date order)", 100, () => {
  sink += evaluate(bigSorted).alerts.length;
});
measure("evaluate: 1 business × 100,000 transactions (with sequences)", null, () => {
  sink += evaluate(bigSequenced).alerts.length;
});
measure("evaluate: 1,000 businesses × 500 transactions", 1_000, () => {
  for (const input of many) sink += evaluate(input).alerts.length;
});
measure("evaluate + explain: 1 business × 100,000 transactions", null, () => {
  sink += evaluate(big, { explain: true }).alerts.length;
});
measure("parseEngineInput (zod): 1 business × 100,000 transactions", null, () => {
  sink += parseEngineInput(big).ok ? 1 : 0;
});
if (sink < 0) console.log(sink);

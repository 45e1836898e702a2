// Member-state thresholds per year (KOR-RULES.md §1, §4): the data file's values as rows
// for each year they apply to, and the conversion of a national-currency threshold into
// euro with the rate KOR-RULES.md §2 prescribes for the EU-KOR — the ECB reference rate of
// the first day of the calendar year, or of the next ECB publication day. Pure: no I/O.
// The database holds these rows (seeded by the migration, changed by an operator); the
// engine receives them as `rules.memberStateThresholdsByYear`.

import { z } from "zod";
import thresholdsFile from "./data/member-state-thresholds.json";
import type { Cents } from "./types";

export const stateThresholdSchema = z
  .object({
    thresholdCents: z.number().int().nonnegative(),
    currentYearCeilingCents: z.number().int().nonnegative().optional(),
    local: z.object({ currency: z.string(), amount: z.number() }).optional(),
    approxEur: z.boolean().optional(),
    note: z.string().optional(),
  })
  .nullable();

export type MemberStateThreshold = z.infer<typeof stateThresholdSchema>;

const thresholdsFileSchema = z.object({
  about: z.string(),
  asOf: z.string(),
  states: z.record(z.string().regex(/^[A-Z]{2}$/), stateThresholdSchema),
});

export const MEMBER_STATE_DATA = thresholdsFileSchema.parse(thresholdsFile);

/**
 * The years the data file's values are seeded for. The file gives "2025 values, with 2026
 * changes where found" (asOf 2026-01-01), so both years start from it; an operator
 * corrects a year's row where it differs (npm run thresholds:set).
 */
export const SEEDED_YEARS = [2025, 2026] as const;

/** One stored row: a member state's threshold for one year. */
export type ThresholdRow = {
  year: number;
  state: string;
  available: boolean;
  thresholdCents: Cents | null;
  currentYearCeilingCents: Cents | null;
  localCurrency: string | null;
  localAmount: number | null;
  localCeilingAmount: number | null;
  /** Units of the national currency per euro, as the ECB publishes it ("25.190"). */
  ecbRate: string | null;
  ecbRateDate: string | null;
  approximate: boolean;
  note: string | null;
};

/**
 * The ECB publication day whose rate converts a year's thresholds: the first day of the
 * year, or the next ECB publication day (KOR-RULES.md §2). 1 January is a TARGET closing
 * day every year, and the ECB publishes no rate on Saturdays and Sundays, so it is the
 * first Monday–Friday after 1 January.
 */
export function ecbRateDateFor(year: number): string {
  for (let day = 2; ; day += 1) {
    const weekday = new Date(Date.UTC(year, 0, day)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return `${year}-01-${String(day).padStart(2, "0")}`;
  }
}

const RATE = /^(\d{1,8})(?:\.(\d{1,6}))?$/;

/** A rate as the ECB publishes it: a positive decimal with at most 6 decimals. */
export function isEcbRate(rate: string): boolean {
  const m = RATE.exec(rate);
  return m !== null && BigInt(`${m[1]}${(m[2] ?? "").padEnd(6, "0")}`) > 0n;
}

/** A rate in its shortest form, as the database gives it back ("25.000" → "25"). */
export function normalizeRate(rate: string): string {
  return rate.includes(".") ? rate.replace(/0+$/, "").replace(/\.$/, "") : rate;
}

/**
 * A national-currency amount in euro cents: amount / rate, rounded half away from zero to
 * whole cents, in integer arithmetic (no float drift). 2,000,000 CZK at 25.000 → 8,000,000.
 */
export function convertToEuroCents(localAmount: number, rate: string): Cents {
  const m = RATE.exec(rate);
  if (!m || !Number.isInteger(localAmount) || localAmount < 0) throw new Error(`Cannot convert ${localAmount} at ${rate}`);
  const rateMicros = BigInt(`${m[1]}${(m[2] ?? "").padEnd(6, "0")}`);
  if (rateMicros === 0n) throw new Error("A rate of 0 converts nothing");
  // cents = amount × 100 / rate = amount × 100 × 10^6 / rateMicros
  const numerator = BigInt(localAmount) * 100n * 1_000_000n;
  return Number((2n * numerator + rateMicros) / (2n * rateMicros));
}

/** The row of a member state without a domestic SME exemption (the EU-KOR cannot be used there). */
export function unavailableRow(year: number, state: string, note: string | null): ThresholdRow {
  return {
    year,
    state,
    available: false,
    thresholdCents: null,
    currentYearCeilingCents: null,
    localCurrency: null,
    localAmount: null,
    localCeilingAmount: null,
    ecbRate: null,
    ecbRateDate: null,
    approximate: false,
    note,
  };
}

/** The data file's state as the row of one year. */
export function seedRow(year: number, state: string, value: MemberStateThreshold): ThresholdRow {
  if (value === null) {
    return unavailableRow(year, state, null);
  }
  return {
    year,
    state,
    available: true,
    thresholdCents: value.thresholdCents,
    currentYearCeilingCents: value.currentYearCeilingCents ?? null,
    localCurrency: value.local?.currency ?? null,
    localAmount: value.local?.amount ?? null,
    localCeilingAmount: null,
    ecbRate: null,
    ecbRateDate: null,
    // A national-currency threshold has no prescribed-rate euro figure until an operator enters the rate.
    approximate: value.approxEur === true,
    note: value.note ?? null,
  };
}

/** Every seeded row: each state of the data file for each of SEEDED_YEARS. */
export function seedRows(): ThresholdRow[] {
  return SEEDED_YEARS.flatMap((year) => Object.entries(MEMBER_STATE_DATA.states).map(([state, value]) => seedRow(year, state, value)));
}

/** A stored row as the engine's threshold (null: no exemption in that state). */
export function toEngineThreshold(
  row: Pick<
    ThresholdRow,
    "available" | "thresholdCents" | "currentYearCeilingCents" | "localCurrency" | "localAmount" | "approximate" | "note"
  >,
): MemberStateThreshold {
  if (!row.available || row.thresholdCents === null) return null;
  return {
    thresholdCents: row.thresholdCents,
    ...(row.currentYearCeilingCents !== null ? { currentYearCeilingCents: row.currentYearCeilingCents } : {}),
    ...(row.localCurrency && row.localAmount !== null ? { local: { currency: row.localCurrency, amount: row.localAmount } } : {}),
    ...(row.approximate ? { approxEur: true } : {}),
    ...(row.note ? { note: row.note } : {}),
  };
}

/** Stored rows grouped as the engine's input: year → state → threshold. */
export function thresholdsByYear(rows: readonly ThresholdRow[]): Record<string, Record<string, MemberStateThreshold>> {
  const byYear: Record<string, Record<string, MemberStateThreshold>> = {};
  for (const row of rows) (byYear[String(row.year)] ??= {})[row.state] = toEngineThreshold(row);
  return byYear;
}

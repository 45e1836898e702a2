// The stored member-state thresholds (MemberStateThreshold, every year) as rows and as the
// engine's `rules.memberStateThresholdsByYear`. Reference data: every user may read it.
import type { Tx } from "@/lib/platform/db/client";
import { db } from "@/lib/platform/db/client";
import { thresholdsByYear, type MemberStateThreshold, type ThresholdRow } from "@/lib/kor";
import { toIsoDate } from "@/lib/platform/validation";

type StoredRow = {
  year: number;
  state: string;
  available: boolean;
  thresholdCents: number | null;
  currentYearCeilingCents: number | null;
  localCurrency: string | null;
  localAmount: number | null;
  localCeilingAmount: number | null;
  ecbRate: { toFixed(): string } | null;
  ecbRateDate: Date | null;
  approximate: boolean;
  note: string | null;
};

export function toThresholdRow(row: StoredRow): ThresholdRow {
  return {
    year: row.year,
    state: row.state,
    available: row.available,
    thresholdCents: row.thresholdCents,
    currentYearCeilingCents: row.currentYearCeilingCents,
    localCurrency: row.localCurrency,
    localAmount: row.localAmount,
    localCeilingAmount: row.localCeilingAmount,
    ecbRate: row.ecbRate === null ? null : row.ecbRate.toFixed(),
    ecbRateDate: row.ecbRateDate === null ? null : toIsoDate(row.ecbRateDate),
    approximate: row.approximate,
    note: row.note,
  };
}

export async function loadThresholdRows(options: { client?: Tx; year?: number } = {}): Promise<ThresholdRow[]> {
  const client = options.client ?? db();
  const rows = await client.memberStateThreshold.findMany({
    ...(options.year !== undefined ? { where: { year: options.year } } : {}),
    orderBy: [{ year: "asc" }, { state: "asc" }],
  });
  return rows.map(toThresholdRow);
}

/** year → state → threshold, for the engine's input. */
export async function loadMemberStateThresholds(
  options: { client?: Tx } = {},
): Promise<Record<string, Record<string, MemberStateThreshold>>> {
  return thresholdsByYear(await loadThresholdRows(options));
}

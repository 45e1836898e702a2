// Filing periods of the VAT return (aangiftetijdvak): quarters by default, months for a
// monthly filer; and which days of a period lie inside the KOR (no return for those days,
// KOR-RULES §3.5), from the stored participations cut short by a crossing (§3.2). Pure.
import { addDays, daysInMonth, lastDayOfMonthAfter, type ISODate } from "@/lib/kor";

export type FilingFrequency = "quarter" | "month";

export type FilingPeriod = {
  /** "2026-Q4" for a quarter, "2026-11" for a month. */
  label: string;
  from: ISODate;
  to: ISODate;
  /** The return is due on the last day of the month after the period (KOR-RULES §3.2, B). */
  dueDate: ISODate;
};

const pad = (n: number) => String(n).padStart(2, "0");

function period(year: number, firstMonth: number, months: number, label: string): FilingPeriod {
  const lastMonth = firstMonth + months - 1;
  return {
    label,
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}`,
    dueDate: lastDayOfMonthAfter(year, lastMonth, 1),
  };
}

export function periodsOfYear(year: number, frequency: FilingFrequency): FilingPeriod[] {
  if (frequency === "month") return Array.from({ length: 12 }, (_, i) => period(year, i + 1, 1, `${year}-${pad(i + 1)}`));
  return Array.from({ length: 4 }, (_, i) => period(year, i * 3 + 1, 3, `${year}-Q${i + 1}`));
}

/** "2026-Q4" or "2026-11" → the period; null for anything else. */
export function parsePeriodLabel(label: string): FilingPeriod | null {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) return periodsOfYear(Number(quarter[1]), "quarter")[Number(quarter[2]) - 1]!;
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
  if (month) return periodsOfYear(Number(month[1]), "month")[Number(month[2]) - 1]!;
  return null;
}

/** The period of `frequency` that holds `date`. */
export function periodOf(date: ISODate, frequency: FilingFrequency): FilingPeriod {
  const year = Number(date.slice(0, 4));
  return periodsOfYear(year, frequency).find((p) => p.from <= date && date <= p.to)!;
}

/** A stretch of days inside the KOR, both ends included; `to` null: open. */
export type KorInterval = { from: ISODate; to: ISODate | null };

/**
 * The days inside the KOR: each stored participation (its `to` the last day inside), ended
 * on the day before a crossing made while participating (the crossing date is outside).
 */
export function korIntervals(
  participations: readonly { from: ISODate; to?: ISODate | null }[],
  crossingDates: readonly ISODate[],
): KorInterval[] {
  return participations.flatMap((p) => {
    const end = p.to ?? null;
    const crossing = [...crossingDates].sort().find((date) => date >= p.from && (end === null || date <= end));
    if (crossing === undefined) return [{ from: p.from, to: end }];
    return crossing === p.from ? [] : [{ from: p.from, to: addDays(crossing, -1) }];
  });
}

export function insideKor(intervals: readonly KorInterval[], date: ISODate): boolean {
  return intervals.some((i) => i.from <= date && (i.to === null || date <= i.to));
}

/** The first day of the period outside the KOR, or null when the whole period is inside (no return). */
export function firstDayOutsideKor(intervals: readonly KorInterval[], period: FilingPeriod): ISODate | null {
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    if (!insideKor(intervals, day)) return day;
  }
  return null;
}

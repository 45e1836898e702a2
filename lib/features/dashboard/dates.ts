// Calendar helpers of the dashboard's charts (client-safe: no rule table, no engine).
import type { ISODate } from "@/lib/kor";

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeap(year) ? 366 : 365;
}

/** 1 for 1 January. */
export function dayOfYear(date: ISODate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
}

/** The ISO date of a year's day number. */
export function dateOfDay(year: number, day: number): ISODate {
  return new Date(Date.UTC(year, 0, day)).toISOString().slice(0, 10);
}

// Calendar arithmetic on "YYYY-MM-DD" strings and integer day numbers (days since
// 1970-01-01), without Date objects: turnover dates are calendar dates in
// Europe/Amsterdam, never instants. Also Easter and the Dutch general holidays.

import { rulesFor, type HolidayRule } from "./rules";
import type { ISODate } from "./types";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A real calendar date in the YYYY-MM-DD form (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

// Parsing by character codes keeps the hot loop free of allocations; input is validated by the schema.
function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

export function yearOf(date: ISODate): number {
  return digits(date, 0, 4);
}

export function monthOf(date: ISODate): number {
  return digits(date, 5, 2);
}

/** 20260910 for "2026-09-10": orders like the date and keeps the year readable. */
export function dateKeyOf(date: ISODate): number {
  return digits(date, 0, 4) * 10000 + digits(date, 5, 2) * 100 + digits(date, 8, 2);
}

export function toDayNumber(date: ISODate): number {
  return dayNumberOf(digits(date, 0, 4), digits(date, 5, 2), digits(date, 8, 2));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatDate(year: number, month: number, day: number): ISODate {
  const y = year < 1000 ? String(year).padStart(4, "0") : String(year);
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

export function fromDayNumber(dayNumber: number): ISODate {
  const { year, month, day } = civilOf(dayNumber);
  return formatDate(year, month, day);
}

export function addDays(date: ISODate, days: number): ISODate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Last day of the month `monthsAfter` months after (year, month). */
export function lastDayOfMonthAfter(year: number, month: number, monthsAfter: number): ISODate {
  const index = year * 12 + (month - 1) + monthsAfter;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatDate(y, m, daysInMonth(y, m));
}

export function quarterOfMonth(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** "2026-Q3" for a date in July–September 2026. */
export function quarterLabelOf(date: ISODate): string {
  return `${yearOf(date)}-Q${quarterOfMonth(monthOf(date))}`;
}

export function parseQuarterLabel(label: string): { year: number; quarter: number } | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (!m) return null;
  return { year: Number(m[1]), quarter: Number(m[2]) };
}

export function firstDayOfQuarter(year: number, quarter: number): ISODate {
  return formatDate(year, (quarter - 1) * 3 + 1, 1);
}

/** Same month and day in another year; 29 February becomes 28 February outside leap years. */
export function sameDayInYear(date: ISODate, year: number): ISODate {
  const month = monthOf(date);
  const day = Math.min(digits(date, 8, 2), daysInMonth(year, month));
  return formatDate(year, month, day);
}

/** Easter Sunday (anonymous Gregorian algorithm) as a day number. */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberOf(year, month, day);
}

function holidayDay(rule: HolidayRule, year: number): number {
  switch (rule.kind) {
    case "fixed":
      return dayNumberOf(year, rule.month, rule.day);
    case "easter":
      return easterSunday(year) + rule.offsetDays;
    case "kingsDay": {
      const d = dayNumberOf(year, 4, 27);
      return weekdayOf(d) === 0 ? d - 1 : d;
    }
  }
}

export type Holiday = { date: ISODate; id: string; rule: HolidayRule };

/** The general holidays of a year under the rule table of that year. */
export function holidaysOf(year: number): Holiday[] {
  return rulesFor(year)
    .holidays.map((rule) => ({ date: fromDayNumber(holidayDay(rule, year)), id: rule.id, rule }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const holidayCache = new Map<number, Set<number>>();

function holidayDaysOf(year: number): Set<number> {
  let days = holidayCache.get(year);
  if (!days) {
    days = new Set(rulesFor(year).holidays.map((rule) => holidayDay(rule, year)));
    holidayCache.set(year, days);
  }
  return days;
}

/** Monday–Friday and not a general holiday (Algemene Termijnenwet, §4). */
export function isWorkingDay(dayNumber: number): boolean {
  const wd = weekdayOf(dayNumber);
  if (wd === 0 || wd === 6) return false;
  return !holidayDaysOf(civilOf(dayNumber).year).has(dayNumber);
}

/** The n-th working day after `date` (day 1 is the first working day after it). */
export function addWorkingDays(date: ISODate, n: number): ISODate {
  let day = toDayNumber(date);
  let counted = 0;
  while (counted < n) {
    day += 1;
    if (isWorkingDay(day)) counted += 1;
  }
  return fromDayNumber(day);
}

const MONTHS: Record<"nl" | "en", readonly string[]> = {
  nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** A date as a person reads it: "20 november 2026" / "20 November 2026" (ISO stays for files and the API). */
export function dateInWords(date: ISODate, language: "nl" | "en"): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[language][m - 1]} ${y}`;
}

/** A filing period as a person reads it: "2026-Q4" → "4e kwartaal 2026" / "Q4 2026"; "2026-11" → "november 2026". */
export function periodInWords(label: string, language: "nl" | "en"): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) return language === "nl" ? `${quarter[2]}e kwartaal ${quarter[1]}` : `Q${quarter[2]} ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) return `${MONTHS[language][Number(month[2]) - 1]} ${month[1]}`;
  return label;
}

// Deadline arithmetic of docs/domain/KOR-RULES.md §3.2, §3.4, §4 and §5: apply-by dates, effective
// dates of KOR requests, the earliest rejoin, the EU-KOR notification (15 working days),
// EU-KOR quarterly reports and VAT return due dates. Each function takes dates and
// returns dates; the numbers come from the rule table of the year concerned.

import {
  addDays,
  addWorkingDays,
  firstDayOfQuarter,
  formatDate,
  fromDayNumber,
  lastDayOfMonthAfter,
  monthOf,
  parseQuarterLabel,
  quarterOfMonth,
  toDayNumber,
  yearOf,
} from "./dates";
import { rulesFor } from "./rules";
import type { FilingPeriod, ISODate } from "./types";

/** Latest safe day for the Belastingdienst to receive a request that takes effect on `start` (§3.4). */
export function applyByDate(start: ISODate): ISODate {
  return addDays(start, -rulesFor(yearOf(start)).applyLeadDays);
}

/** First day of the filing period (quarter or month) that contains `date`. */
export function periodStartOf(date: ISODate, filingPeriod: FilingPeriod): ISODate {
  const year = yearOf(date);
  const month = monthOf(date);
  if (filingPeriod === "month") return formatDate(year, month, 1);
  return firstDayOfQuarter(year, quarterOfMonth(month));
}

/** The period start after the one beginning on `start`. */
export function nextPeriodStart(start: ISODate, filingPeriod: FilingPeriod): ISODate {
  const step = filingPeriod === "month" ? 1 : 3;
  const index = yearOf(start) * 12 + (monthOf(start) - 1) + step;
  return formatDate(Math.floor(index / 12), (index % 12) + 1, 1);
}

/**
 * A request (to join or to leave) received on `receivedOn` takes effect on the first
 * period start S with receivedOn ≤ S − 29 days (§3.4). Monthly filers' periods are
 * months, so their requests can take effect on any first of a month.
 */
export function korEffectiveDate(receivedOn: ISODate, filingPeriod: FilingPeriod = "quarter"): ISODate {
  const received = toDayNumber(receivedOn);
  let start = nextPeriodStart(periodStartOf(receivedOn, filingPeriod), filingPeriod);
  while (received > toDayNumber(applyByDate(start))) start = nextPeriodStart(start, filingPeriod);
  return start;
}

/**
 * Who leaves on `leftOn` (the first day outside the KOR) is excluded for the rest of that
 * year and the whole next year (§3.4). A 1 January leaving counts from that date (C),
 * so leaving on 1 January 2027 gives 1 January 2029.
 */
export function earliestRejoinDate(leftOn: ISODate): ISODate {
  const year = yearOf(leftOn);
  return formatDate(year + 1 + rulesFor(year).korExclusionFollowingYears, 1, 1);
}

/** Last day of the exclusion window that starts on `leftOn`. */
export function exclusionEndDate(leftOn: ISODate): ISODate {
  return addDays(earliestRejoinDate(leftOn), -1);
}

/** 15 working days after an EU-KOR crossing, day 1 being the first working day after it (§4). */
export function euKorNotifyByDate(crossedOn: ISODate): ISODate {
  return addWorkingDays(crossedOn, rulesFor(yearOf(crossedOn)).euKorNotifyWorkingDays);
}

/** Up to 35 working days for the EX number to be confirmed (§4). */
export function euKorConfirmationLatestDate(notifiedOn: ISODate): ISODate {
  return addWorkingDays(notifiedOn, rulesFor(yearOf(notifiedOn)).euKorConfirmationMaxWorkingDays);
}

function quarterEndMonth(quarter: number): number {
  return quarter * 3;
}

/** "2026-Q1" → 30 April 2026; Q4 → 31 January of the next year (§4). */
export function euKorReportDueDate(quarterLabel: string): ISODate | null {
  const q = parseQuarterLabel(quarterLabel);
  if (!q) return null;
  return lastDayOfMonthAfter(q.year, quarterEndMonth(q.quarter), rulesFor(q.year).euKorReportMonthsAfterQuarter);
}

/** Quarterly VAT return: the last day of the month after the quarter (§3.2). */
export function vatReturnDueDate(quarterLabel: string): ISODate | null {
  const q = parseQuarterLabel(quarterLabel);
  if (!q) return null;
  return lastDayOfMonthAfter(q.year, quarterEndMonth(q.quarter), rulesFor(q.year).vatReturnMonthsAfterPeriod);
}

/** Due date of the VAT return for the filing period containing `date` (month or quarter). */
export function vatReturnDueForPeriodOf(date: ISODate, filingPeriod: FilingPeriod): ISODate {
  const year = yearOf(date);
  const month = monthOf(date);
  const lastMonth = filingPeriod === "month" ? month : quarterEndMonth(quarterOfMonth(month));
  return lastDayOfMonthAfter(year, lastMonth, rulesFor(year).vatReturnMonthsAfterPeriod);
}

/** The next `count` period starts after `asOf` whose apply-by date has not passed. */
export function upcomingApplyBy(asOf: ISODate, filingPeriod: FilingPeriod, count: number): { start: ISODate; applyBy: ISODate }[] {
  const out: { start: ISODate; applyBy: ISODate }[] = [];
  let start = nextPeriodStart(periodStartOf(asOf, filingPeriod), filingPeriod);
  while (out.length < count) {
    const applyBy = applyByDate(start);
    if (applyBy >= asOf) out.push({ start, applyBy });
    start = nextPeriodStart(start, filingPeriod);
  }
  return out;
}

export function dayAfter(date: ISODate): ISODate {
  return fromDayNumber(toDayNumber(date) + 1);
}

// Calendar arithmetic: day numbers, Easter, the general holidays and working days.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  dayNumberOf,
  easterSunday,
  fromDayNumber,
  holidaysOf,
  isIsoDate,
  isWorkingDay,
  lastDayOfMonthAfter,
  sameDayInYear,
  toDayNumber,
  weekdayOf,
} from "./dates";

describe("day numbers", () => {
  it("count from 1970-01-01, a Thursday", () => {
    expect(dayNumberOf(1970, 1, 1)).toBe(0);
    expect(weekdayOf(0)).toBe(4);
    expect(fromDayNumber(toDayNumber("2026-09-10"))).toBe("2026-09-10");
    expect(weekdayOf(toDayNumber("2026-09-10"))).toBe(4);
    expect(toDayNumber("2024-03-01") - toDayNumber("2024-02-28")).toBe(2);
    expect(toDayNumber("2100-03-01") - toDayNumber("2100-02-28")).toBe(1);
  });

  it("round-trip every date between 1900 and 2999", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumberOf(1900, 1, 1), max: dayNumberOf(2999, 12, 31) }), (day) => {
        const iso = fromDayNumber(day);
        expect(isIsoDate(iso)).toBe(true);
        expect(toDayNumber(iso)).toBe(day);
      }),
    );
  });
});

describe("isIsoDate", () => {
  it("accepts real dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("2026-00-10")).toBe(false);
    expect(isIsoDate("2026-1-10")).toBe(false);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("1900-02-29")).toBe(false);
  });
});

describe("month arithmetic", () => {
  it("finds the last day of a later month", () => {
    expect(lastDayOfMonthAfter(2026, 3, 1)).toBe("2026-04-30");
    expect(lastDayOfMonthAfter(2026, 12, 1)).toBe("2027-01-31");
    expect(lastDayOfMonthAfter(2024, 1, 1)).toBe("2024-02-29");
  });

  it("maps 29 February to 28 February outside leap years", () => {
    expect(sameDayInYear("2024-02-29", 2025)).toBe("2025-02-28");
    expect(sameDayInYear("2025-07-14", 2024)).toBe("2024-07-14");
  });
});

describe("Easter and the general holidays", () => {
  it("finds Easter Sunday", () => {
    const known: Record<number, string> = {
      2000: "2000-04-23",
      2019: "2019-04-21",
      2024: "2024-03-31",
      2025: "2025-04-20",
      2026: "2026-04-05",
      2027: "2027-03-28",
      2038: "2038-04-25",
    };
    for (const [year, date] of Object.entries(known)) expect(fromDayNumber(easterSunday(Number(year)))).toBe(date);
  });

  it("lists the nine holidays of 2026", () => {
    expect(holidaysOf(2026).map((h) => `${h.date} ${h.id}`)).toEqual([
      "2026-01-01 newYear",
      "2026-04-03 goodFriday",
      "2026-04-06 easterMonday",
      "2026-04-27 kingsDay",
      "2026-05-05 liberationDay",
      "2026-05-14 ascension",
      "2026-05-25 whitMonday",
      "2026-12-25 christmas",
      "2026-12-26 boxingDay",
    ]);
  });

  it("moves King's Day to 26 April when the 27th is a Sunday", () => {
    expect(holidaysOf(2025).find((h) => h.id === "kingsDay")!.date).toBe("2025-04-26");
    expect(holidaysOf(2026).find((h) => h.id === "kingsDay")!.date).toBe("2026-04-27");
  });

  it("marks Good Friday as the interpretation it is (C)", () => {
    expect(holidaysOf(2026).find((h) => h.id === "goodFriday")!.rule.ruleId).toBe("euKor.goodFriday");
  });
});

describe("working days", () => {
  it("skips weekends and holidays", () => {
    expect(isWorkingDay(toDayNumber("2026-04-03"))).toBe(false);
    expect(isWorkingDay(toDayNumber("2026-04-04"))).toBe(false);
    expect(isWorkingDay(toDayNumber("2026-04-07"))).toBe(true);
    expect(isWorkingDay(toDayNumber("2026-05-05"))).toBe(false);
  });

  it("counts day 1 as the first working day after the date", () => {
    expect(addWorkingDays("2026-09-10", 1)).toBe("2026-09-11");
    expect(addWorkingDays("2026-09-11", 1)).toBe("2026-09-14");
    expect(addWorkingDays("2026-09-10", 15)).toBe("2026-10-01");
    expect(addWorkingDays("2026-12-24", 1)).toBe("2026-12-28");
    expect(addWorkingDays("2026-12-31", 1)).toBe("2027-01-04");
  });

  it("always lands on a working day, strictly after the start", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberOf(2020, 1, 1), max: dayNumberOf(2035, 12, 31) }),
        fc.integer({ min: 1, max: 40 }),
        (day, n) => {
          const result = toDayNumber(addWorkingDays(fromDayNumber(day), n));
          expect(isWorkingDay(result)).toBe(true);
          expect(result).toBeGreaterThan(day);
          let count = 0;
          for (let d = day + 1; d <= result; d++) if (isWorkingDay(d)) count++;
          expect(count).toBe(n);
        },
      ),
      { numRuns: 200 },
    );
  });
});

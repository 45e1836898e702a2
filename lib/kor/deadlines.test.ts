// Deadline arithmetic of §3.2, §3.4 and §4, beyond the vectors.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyByDate,
  earliestRejoinDate,
  euKorConfirmationLatestDate,
  euKorNotifyByDate,
  euKorReportDueDate,
  korEffectiveDate,
  upcomingApplyBy,
  vatReturnDueDate,
  vatReturnDueForPeriodOf,
} from "./deadlines";
import { dayNumberOf, fromDayNumber, toDayNumber } from "./dates";

describe("apply-by and effective dates (§3.4)", () => {
  it("follows the Belastingdienst's examples", () => {
    expect(applyByDate("2020-04-01")).toBe("2020-03-03");
    expect(applyByDate("2022-01-01")).toBe("2021-12-03");
    expect(applyByDate("2026-01-01")).toBe("2025-12-03");
    expect(korEffectiveDate("2026-02-10")).toBe("2026-04-01");
    expect(korEffectiveDate("2026-03-05")).toBe("2026-07-01");
  });

  it("monthly filers start on a first of a month", () => {
    expect(korEffectiveDate("2026-01-02", "month")).toBe("2026-02-01");
    expect(korEffectiveDate("2026-01-04", "month")).toBe("2026-03-01");
    expect(korEffectiveDate("2026-03-05", "month")).toBe("2026-05-01");
  });

  it("is the first period start at least 29 days after receipt, for any receipt date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberOf(2020, 1, 1), max: dayNumberOf(2035, 12, 31) }),
        fc.constantFrom("quarter" as const, "month" as const),
        (day, filing) => {
          const received = fromDayNumber(day);
          const effective = korEffectiveDate(received, filing);
          const month = Number(effective.slice(5, 7));
          expect(effective.endsWith("-01")).toBe(true);
          if (filing === "quarter") expect([1, 4, 7, 10]).toContain(month);
          expect(toDayNumber(effective) - day).toBeGreaterThanOrEqual(29);
          expect(applyByDate(effective) >= received).toBe(true);
          // The period before would have been too early.
          const gap = filing === "quarter" ? 92 : 31;
          expect(toDayNumber(effective) - day).toBeLessThanOrEqual(29 + gap);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("lists the next apply-by dates that have not passed", () => {
    expect(upcomingApplyBy("2026-03-04", "quarter", 2)).toEqual([
      { start: "2026-07-01", applyBy: "2026-06-02" },
      { start: "2026-10-01", applyBy: "2026-09-02" },
    ]);
    expect(upcomingApplyBy("2026-03-03", "quarter", 1)).toEqual([{ start: "2026-04-01", applyBy: "2026-03-03" }]);
  });
});

describe("earliest rejoin (§3.4)", () => {
  it("is 1 January of the second year after leaving", () => {
    expect(earliestRejoinDate("2025-04-01")).toBe("2027-01-01");
    expect(earliestRejoinDate("2025-12-31")).toBe("2027-01-01");
    expect(earliestRejoinDate("2026-01-01")).toBe("2028-01-01");
  });
});

describe("EU-KOR deadlines (§4)", () => {
  it("notification: 15 working days", () => {
    expect(euKorNotifyByDate("2026-09-10")).toBe("2026-10-01");
    expect(euKorNotifyByDate("2026-03-27")).toBe("2026-04-21");
    expect(euKorNotifyByDate("2026-12-15")).toBe("2027-01-07");
  });

  it("confirmation of the EX number: up to 35 working days", () => {
    expect(euKorConfirmationLatestDate("2026-09-01")).toBe("2026-10-20");
  });

  it("quarterly report and VAT return: the last day of the month after the quarter", () => {
    expect(euKorReportDueDate("2026-Q4")).toBe("2027-01-31");
    expect(euKorReportDueDate("2024-Q1")).toBe("2024-04-30");
    expect(vatReturnDueDate("2026-Q2")).toBe("2026-07-31");
    expect(euKorReportDueDate("2026-Q5")).toBeNull();
  });

  it("VAT return of a crossing's period, for quarterly and monthly filers", () => {
    expect(vatReturnDueForPeriodOf("2025-11-04", "quarter")).toBe("2026-01-31");
    expect(vatReturnDueForPeriodOf("2025-11-04", "month")).toBe("2025-12-31");
    expect(vatReturnDueForPeriodOf("2024-01-15", "month")).toBe("2024-02-29");
  });
});

import { describe, expect, it } from "vitest";
import { firstDayOutsideKor, korIntervals, parsePeriodLabel, periodOf, periodsOfYear } from "./periods";

describe("filing periods", () => {
  it("are quarters or months with the return due at the end of the next month", () => {
    expect(periodsOfYear(2026, "quarter").map((p) => [p.label, p.from, p.to, p.dueDate])).toEqual([
      ["2026-Q1", "2026-01-01", "2026-03-31", "2026-04-30"],
      ["2026-Q2", "2026-04-01", "2026-06-30", "2026-07-31"],
      ["2026-Q3", "2026-07-01", "2026-09-30", "2026-10-31"],
      ["2026-Q4", "2026-10-01", "2026-12-31", "2027-01-31"],
    ]);
    expect(periodsOfYear(2028, "month")[1]).toEqual({ label: "2028-02", from: "2028-02-01", to: "2028-02-29", dueDate: "2028-03-31" });
    expect(periodOf("2026-11-15", "quarter").label).toBe("2026-Q4");
  });

  it("parses only real labels", () => {
    expect(parsePeriodLabel("2026-Q4")?.from).toBe("2026-10-01");
    expect(parsePeriodLabel("2026-12")?.to).toBe("2026-12-31");
    for (const bad of ["2026-Q5", "2026-13", "2026-00", "Q4", "2026-q4", ""]) expect(parsePeriodLabel(bad)).toBeNull();
  });
});

describe("days inside the KOR", () => {
  it("end the day before a crossing made while participating", () => {
    expect(korIntervals([{ from: "2025-01-01" }], ["2026-10-15"])).toEqual([{ from: "2025-01-01", to: "2026-10-14" }]);
    // A crossing outside a period does not cut it; a crossing on its first day leaves nothing.
    expect(korIntervals([{ from: "2027-01-01", to: "2027-12-31" }], ["2026-10-15"])).toEqual([{ from: "2027-01-01", to: "2027-12-31" }]);
    expect(korIntervals([{ from: "2026-10-15" }], ["2026-10-15"])).toEqual([]);
  });

  it("decide the first day of a period that needs a return", () => {
    const intervals = korIntervals([{ from: "2025-01-01" }], ["2026-10-15"]);
    expect(firstDayOutsideKor(intervals, parsePeriodLabel("2026-Q3")!)).toBeNull();
    expect(firstDayOutsideKor(intervals, parsePeriodLabel("2026-Q4")!)).toBe("2026-10-15");
    expect(firstDayOutsideKor([], parsePeriodLabel("2026-Q1")!)).toBe("2026-01-01");
    // A deregistration ending on 31 March: the second quarter is outside.
    expect(firstDayOutsideKor(korIntervals([{ from: "2025-01-01", to: "2026-03-31" }], []), parsePeriodLabel("2026-Q2")!)).toBe(
      "2026-04-01",
    );
  });
});

import { describe, expect, it } from "vitest";
import { evaluate, type EngineInput } from "@/lib/kor";
import { addDays, buildClientRow } from "./build-client-row";

const facts = { businessId: "b1", name: "Studio", kvkNumber: "12345678", access: "READ_ONLY" as const, lastInvoiceDate: "2026-04-15" };
const input = (fields: Partial<EngineInput["business"]>, amounts: [string, number][], asOf = "2026-06-30"): EngineInput => ({
  asOf,
  business: { establishedIn: "NL", filingPeriod: "quarter", korParticipations: [{ from: "2025-01-01" }], ...fields },
  transactions: amounts.map(([date, euros], i) => ({ id: `t${i}`, date, netCents: euros * 100, vatCents: 0, category: "NL_STANDARD" })),
});

describe("buildClientRow", () => {
  it("a crossing while in the KOR: crossed, on the crossing invoice's date, with alerts", () => {
    const row = buildClientRow(
      { ...facts, euKorEnabled: false },
      evaluate(
        input({}, [
          ["2026-02-01", 12_000],
          ["2026-04-15", 9_000],
        ]),
      ),
    );
    expect(row).toMatchObject({
      status: "crossed",
      countedCents: 2_100_000,
      limitCents: 2_000_000,
      percent: 105,
      crossingDate: "2026-04-15",
      union: null,
    });
    expect(row.openAlerts).toBeGreaterThan(0);
  });

  it("outside the KOR: notInKor and no crossing date, even above the limit", () => {
    const row = buildClientRow({ ...facts, euKorEnabled: false }, evaluate(input({ korParticipations: [] }, [["2026-02-01", 25_000]])));
    expect(row).toMatchObject({ status: "notInKor", crossingDate: null });
  });

  it("EU-KOR users get the Union turnover against €100,000; deadlines are upcoming ones only", () => {
    const row = buildClientRow(
      { ...facts, euKorEnabled: true },
      evaluate(input({ euKor: { memberStates: ["DE"] } }, [["2026-02-01", 3_000]])),
    );
    expect(row.union).toEqual({ cents: 300_000, limitCents: 10_000_000, percent: 3 });
    expect(row.status).toBe("safe");
    expect(row.nextDeadline!.date >= "2026-06-30").toBe(true);
  });

  it("a date that applies only if the owner chooses to leave is not the next deadline (issue #16)", () => {
    const row = buildClientRow(
      { ...facts, euKorEnabled: false },
      evaluate(input({ korParticipations: [{ from: "2026-01-01" }] }, [], "2026-12-07")),
    );
    expect(row.nextDeadline).toBeNull();
    expect(row.deadlinesThisWeek).toBe(0);
  });

  it("a deadline marked done is not the next deadline, nor one of this week's (issue #16)", () => {
    const output = evaluate(input({ euKor: { memberStates: ["DE"] } }, [["2026-02-01", 3_000]], "2026-07-28"));
    expect(buildClientRow({ ...facts, euKorEnabled: true }, output).nextDeadline).toEqual({
      kind: "EU_KOR_REPORT_DUE",
      date: "2026-07-31",
    });
    const done = new Map([["EU_KOR_REPORT_DUE:2026-Q2", "2026-07-20"]]);
    const row = buildClientRow({ ...facts, euKorEnabled: true }, output, done);
    expect(row.nextDeadline).toEqual({ kind: "EU_KOR_REPORT_DUE", date: "2026-10-31" });
    expect(row.deadlinesThisWeek).toBe(0);
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-28", 6)).toBe("2027-01-03");
  });
});

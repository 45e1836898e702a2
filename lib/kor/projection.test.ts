// The projection (an estimate, rule "projection", C): pace, seasonality, ranges, and
// when it may raise its early warning.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { input, nlBusiness, tx } from "./test-helpers";
import type { Transaction } from "./types";

const inKor = nlBusiness({ korParticipations: [{ from: "2024-01-01" }] });

describe("pace basis", () => {
  it("carries the pace so far to 31 December, never annualising what is known", () => {
    const out = evaluate(
      input("2026-03-31", [tx("a", "2026-01-15", 200_000), tx("b", "2026-02-15", 200_000), tx("c", "2026-03-15", 200_000)], inKor),
    );
    const p = out.projection.kor;
    expect(p).toMatchObject({
      basis: "pace",
      observedFrom: "2026-01-01",
      observedDays: 90,
      toDateCents: 600_000,
      rule: "§3.2",
      interpretation: true,
    });
    // 6,000 + 6,000 / 90 days × 275 days
    expect(p.expectedTotalCents).toBe(2_433_333);
    expect(p.lowTotalCents).toBeLessThan(p.expectedTotalCents);
    expect(p.highTotalCents).toBeGreaterThan(p.expectedTotalCents);
    expect(p.earliestCrossingDate! <= p.expectedCrossingDate!).toBe(true);
    expect(p.expectedCrossingDate! <= (p.latestCrossingDate ?? "9999")).toBe(true);
    expect(out.alerts.map((a) => a.code)).toEqual(["KOR_PROJECTED_CROSSING"]);
    expect(out.alerts[0]).toMatchObject({ level: "warning", date: "2026-03-31", rule: "§3.2", interpretation: true });
  });

  it("starts counting a starter's pace on its start date", () => {
    const out = evaluate(
      input("2026-10-31", [tx("a", "2026-09-15", 200_000), tx("b", "2026-10-15", 200_000)], nlBusiness({ startedOn: "2026-09-01" })),
    );
    expect(out.projection.kor).toMatchObject({ observedFrom: "2026-09-01", observedDays: 61, toDateCents: 400_000 });
    // 4,000 + 4,000 / 61 × 61 remaining days
    expect(out.projection.kor.expectedTotalCents).toBe(800_000);
  });

  it("reports the real crossing once it happened", () => {
    const out = evaluate(input("2026-12-31", [tx("a", "2026-02-01", 2_100_000)], inKor));
    expect(out.projection.kor).toMatchObject({ alreadyCrossed: true, expectedCrossingDate: "2026-02-01" });
    expect(out.alerts.map((a) => a.code)).not.toContain("KOR_PROJECTED_CROSSING");
  });
});

describe("seasonal basis", () => {
  // A December business: €500 a month, then a big December.
  const history = (year: number, december: number): Transaction[] => [
    ...Array.from({ length: 11 }, (_, m) => tx(`${year}-${m + 1}`, `${year}-${String(m + 1).padStart(2, "0")}-15`, 50_000)),
    tx(`${year}-12`, `${year}-12-15`, december),
  ];

  it("uses last year's pattern once there is a year of history", () => {
    const txs = [...history(2025, 1_300_000), ...history(2026, 0).slice(0, 6)];
    const out = evaluate(input("2026-06-30", txs, nlBusiness({ startedOn: "2024-06-01", korParticipations: [{ from: "2024-01-01" }] })));
    const p = out.projection.kor;
    expect(p.basis).toBe("seasonal");
    // Same pace as last year (growth 1): 3,000 so far + last year's July–December 2,500 + 13,000.
    expect(p.expectedTotalCents).toBe(1_850_000);
    expect(p.expectedCrossingDate).toBeNull();
  });

  it("warns a December business that the pace alone would call safe", () => {
    const txs = [
      ...history(2025, 1_300_000),
      ...history(2026, 0)
        .slice(0, 6)
        .map((t) => ({ ...t, netCents: 60_000 })),
    ];
    const business = nlBusiness({ startedOn: "2024-06-01", korParticipations: [{ from: "2024-01-01" }] });
    const out = evaluate(input("2026-06-30", txs, business));
    const p = out.projection.kor;
    expect(p.basis).toBe("seasonal");
    // Growth 3,600 / 3,000 = 1.2: 3,600 + 1.2 × 15,500 = 22,200, crossing with last year's December.
    expect(p.expectedTotalCents).toBe(2_220_000);
    expect(p.expectedCrossingDate).toBe("2026-12-15");
    expect(out.alerts.map((a) => a.code)).toContain("KOR_PROJECTED_CROSSING");
    // The pace alone (3,600 in 181 days) would reach about 7,260: no warning.
    const noHistory = evaluate(
      input(
        "2026-06-30",
        txs.filter((t) => t.date >= "2026"),
        nlBusiness({ korParticipations: [{ from: "2024-01-01" }] }),
      ),
    );
    expect(noHistory.projection.kor).toMatchObject({ basis: "pace", expectedCrossingDate: null });
  });
});

describe("when the early warning is raised", () => {
  it("not with less than four weeks of the year seen", () => {
    const out = evaluate(input("2026-01-20", [tx("a", "2026-01-05", 500_000)], inKor));
    expect(out.projection.kor.sufficientData).toBe(false);
    expect(out.projection.kor.expectedCrossingDate).not.toBeNull();
    expect(out.alerts).toEqual([]);
  });

  it("not for a business outside the KOR", () => {
    const out = evaluate(input("2026-03-31", [tx("a", "2026-01-15", 600_000)]));
    expect(out.projection.kor.expectedCrossingDate).not.toBeNull();
    expect(out.alerts).toEqual([]);
  });

  it("not when the pace stays under the limit", () => {
    const out = evaluate(input("2026-06-30", [tx("a", "2026-01-15", 300_000), tx("b", "2026-04-15", 300_000)], inKor));
    expect(out.projection.kor.expectedCrossingDate).toBeNull();
    expect(out.alerts).toEqual([]);
  });
});

describe("ranges", () => {
  it("keep low ≤ expected ≤ high and earliest ≤ expected ≤ latest", () => {
    const row = fc.record({
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      cents: fc.integer({ min: -20_000, max: 600_000 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.integer({ min: 1, max: 12 }), (rows, asOfMonth) => {
        const txs = rows.map((r, i) => tx(`t${i}`, `2026-${String(r.month).padStart(2, "0")}-${String(r.day).padStart(2, "0")}`, r.cents));
        const p = evaluate(input(`2026-${String(asOfMonth).padStart(2, "0")}-28`, txs, inKor)).projection.kor;
        expect(p.lowTotalCents).toBeLessThanOrEqual(p.expectedTotalCents);
        expect(p.expectedTotalCents).toBeLessThanOrEqual(p.highTotalCents);
        if (p.expectedCrossingDate !== null && !p.alreadyCrossed) {
          expect(p.earliestCrossingDate).not.toBeNull();
          expect(p.earliestCrossingDate! <= p.expectedCrossingDate).toBe(true);
          if (p.latestCrossingDate !== null) expect(p.expectedCrossingDate <= p.latestCrossingDate).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

// The category table against §2 of docs/domain/KOR-RULES.md, and classifyTransaction against the
// engine's own counting.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATEGORIES, CATEGORY_LIST, categoryVatRatePercent, classifyTransaction } from "./categories";
import { evaluate } from "./evaluate";
import { input, nlBusiness } from "./test-helpers";
import { CATEGORY_CODES, type Category, type Transaction } from "./types";

// §2's table, written out again on purpose: a change to either side must be deliberate.
const SECTION_2: Record<Category, [kor: boolean, union: boolean, state: "NL" | "country" | null]> = {
  NL_STANDARD: [true, true, "NL"],
  NL_REDUCED: [true, true, "NL"],
  NL_ZERO: [true, true, "NL"],
  NL_REVERSE_CHARGE: [true, true, "NL"],
  EXPORT_NON_EU: [true, true, "NL"],
  EU_B2B_GOODS: [true, true, "NL"],
  EU_B2C_NL_VAT: [true, true, "NL"],
  EU_B2C_FOREIGN_VAT: [false, true, "country"],
  EU_B2B_SERVICES: [false, true, "country"],
  EU_LOCAL: [false, true, "country"],
  NON_EU_SERVICES: [false, false, null],
  EXEMPT_REAL_ESTATE: [true, true, "NL"],
  EXEMPT_FINANCIAL: [true, true, "NL"],
  EXEMPT_INSURANCE: [true, true, "NL"],
  EXEMPT_OTHER: [false, false, null],
  PRIVATE_USE: [false, false, null],
  ASSET_SALE: [false, false, null],
};

describe("the category table", () => {
  it("has the 17 categories of §2 in order", () => {
    expect(CATEGORY_LIST.map((c) => c.code)).toEqual([...CATEGORY_CODES]);
    expect(CATEGORY_LIST).toHaveLength(17);
  });

  it.each(CATEGORY_CODES.map((c) => [c]))("%s counts as §2 says", (code) => {
    const [kor, union, state] = SECTION_2[code];
    const info = CATEGORIES[code];
    expect([info.countsForKor, info.countsForUnion, info.memberState]).toEqual([kor, union, state]);
    expect(info.needsCountry).toBe(state === "country");
    expect(info.ancillaryAllowed).toBe(code.startsWith("EXEMPT_") && code !== "EXEMPT_OTHER");
    expect(info.label.nl.length).toBeGreaterThan(3);
    expect(info.label.en.length).toBeGreaterThan(3);
    expect(info.explanation.nl).toMatch(/\.$/);
    expect(info.explanation.en).toMatch(/\.$/);
  });

  it("gives Dutch VAT rates from the rule table", () => {
    expect(categoryVatRatePercent("NL_STANDARD", 2026)).toBe(21);
    expect(categoryVatRatePercent("NL_REDUCED", 2026)).toBe(9);
    expect(categoryVatRatePercent("NL_ZERO", 2026)).toBe(0);
    expect(categoryVatRatePercent("EXPORT_NON_EU", 2026)).toBe(0);
    expect(categoryVatRatePercent("EU_B2B_GOODS", 2026)).toBe(0);
    expect(categoryVatRatePercent("NL_REVERSE_CHARGE", 2026)).toBeNull();
    expect(categoryVatRatePercent("EXEMPT_OTHER", 2026)).toBeNull();
  });
});

describe("classifyTransaction", () => {
  it("explains a counted and an uncounted row with its rule", () => {
    const counted = classifyTransaction({ category: "NL_STANDARD", date: "2026-01-01" });
    expect(counted).toMatchObject({ countsForKor: true, countsForUnion: true, memberState: "NL", rule: "§2", interpretation: false });
    const abroad = classifyTransaction({ category: "EU_LOCAL", country: "BE", date: "2026-01-01" });
    expect(abroad).toMatchObject({ countsForKor: false, countsForUnion: true, memberState: "BE" });
    expect(abroad.reason.en).toMatch(/abroad/);
    const healthcare = classifyTransaction({ category: "EXEMPT_OTHER", date: "2026-01-01" });
    expect(healthcare).toMatchObject({ countsForKor: false, countsForUnion: false, memberState: null });
  });

  it("marks the C-rules as interpretation: ancillary, EU B2B services, non-EU services", () => {
    expect(classifyTransaction({ category: "EXEMPT_REAL_ESTATE", ancillary: true, date: "2026-01-01" })).toMatchObject({
      countsForKor: false,
      countsForUnion: false,
      ruleId: "count.ancillary",
      interpretation: true,
    });
    expect(classifyTransaction({ category: "EXEMPT_REAL_ESTATE", ancillary: false, date: "2026-01-01" }).countsForKor).toBe(true);
    expect(classifyTransaction({ category: "EU_B2B_SERVICES", country: "DE", date: "2026-01-01" }).interpretation).toBe(true);
    expect(classifyTransaction({ category: "NON_EU_SERVICES", date: "2026-01-01" }).interpretation).toBe(true);
  });

  it("ignores `ancillary` on categories that do not allow it", () => {
    expect(classifyTransaction({ category: "NL_STANDARD", ancillary: true, date: "2026-01-01" }).countsForKor).toBe(true);
  });

  it("agrees with the engine's totals for any set of transactions", () => {
    const txArb = fc.record({
      category: fc.constantFrom(...CATEGORY_CODES),
      netCents: fc.integer({ min: -50_000, max: 500_000 }),
      day: fc.integer({ min: 1, max: 28 }),
      month: fc.integer({ min: 1, max: 12 }),
      country: fc.constantFrom("DE", "BE", "FR", "ES"),
      ancillary: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(txArb, { maxLength: 40 }), (rows) => {
        const txs: Transaction[] = rows.map((r, i) => ({
          id: `t${i}`,
          date: `2026-${String(r.month).padStart(2, "0")}-${String(r.day).padStart(2, "0")}`,
          netCents: r.netCents,
          category: r.category,
          country: r.country,
          ancillary: r.ancillary,
        }));
        const out = evaluate(input("2026-12-31", txs, nlBusiness()));
        let kor = 0;
        let union = 0;
        const states: Record<string, number> = {};
        for (const t of txs) {
          const c = classifyTransaction(t);
          if (c.countsForKor) kor += t.netCents;
          if (c.countsForUnion) union += t.netCents;
          if (c.memberState) states[c.memberState] = (states[c.memberState] ?? 0) + t.netCents;
        }
        const year = out.years["2026"];
        expect(year?.korTurnoverCents ?? 0).toBe(kor);
        expect(year?.unionTurnoverCents ?? 0).toBe(union);
        const nonZero = Object.fromEntries(Object.entries(states).filter(([, v]) => v !== 0));
        expect(year?.memberStateTurnoverCents ?? {}).toEqual(nonZero);
      }),
      { numRuns: 150 },
    );
  });
});

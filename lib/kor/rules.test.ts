// The rule table: lookup by year, the catalogue's confidence marks, and the promise that
// no threshold lives anywhere but here.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  EU_MEMBER_STATES,
  interpretationRules,
  makeRuleLookup,
  RULE_CATALOG,
  RULE_SET_SOURCES,
  RULE_TABLE,
  rulesFor,
  type RuleId,
} from "./rules";

describe("rulesFor", () => {
  it("uses a year's own entry or the latest earlier one", () => {
    expect(rulesFor(2025).fromYear).toBe(2025);
    expect(rulesFor(2026).fromYear).toBe(2026);
    expect(rulesFor(2031).fromYear).toBe(2026);
    expect(rulesFor(2023).fromYear).toBe(2021);
    expect(rulesFor(2020).distanceSalesThresholdCents).toBeNull();
  });

  it("uses the first entry for years before it (choice: no pre-2020 scheme)", () => {
    expect(rulesFor(2015).fromYear).toBe(2020);
  });

  it("holds the limits of §1", () => {
    expect(rulesFor(2026)).toMatchObject({ korLimitCents: 2_000_000, unionLimitCents: 10_000_000, distanceSalesThresholdCents: 1_000_000 });
    expect(rulesFor(2024).euKorAvailable).toBe(false);
    expect(rulesFor(2025).euKorAvailable).toBe(true);
  });

  it("is sorted by year", () => {
    const years = RULE_TABLE.map((r) => r.fromYear);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });
});

describe("member-state thresholds (data file)", () => {
  it("has the 27 member states, Spain without a threshold", () => {
    expect(EU_MEMBER_STATES).toHaveLength(27);
    expect(rulesFor(2026).memberStateThresholds.ES).toBeNull();
    expect(rulesFor(2026).memberStateThresholds.DE).toEqual({ thresholdCents: 2_500_000, currentYearCeilingCents: 10_000_000 });
  });

  it("can be overridden per input without touching the table", () => {
    const lookup = makeRuleLookup({ memberStateThresholdsCents: { DE: 2_200_000, BE: null } });
    expect(lookup(2026).memberStateThresholds.DE).toEqual({ thresholdCents: 2_200_000 });
    expect(lookup(2026).memberStateThresholds.BE).toBeNull();
    expect(rulesFor(2026).memberStateThresholds.DE!.thresholdCents).toBe(2_500_000);
  });
});

describe("the rule catalogue", () => {
  it("marks exactly the confidence-C rules as interpretation", () => {
    for (const [id, meta] of Object.entries(RULE_CATALOG)) expect(meta.interpretation, id).toBe(meta.confidence === "C");
    expect(interpretationRules().map((r) => r.ruleId)).toEqual(
      expect.arrayContaining([
        "count.ancillary",
        "kor.creditNoteNoRevival",
        "kor.exclusionFromEffectiveDate",
        "kor.vatOnInvoice",
        "euKor.goodFriday",
        "projection",
      ]),
    );
  });

  it("names a section of docs/domain/KOR-RULES.md for every rule", () => {
    for (const meta of Object.values(RULE_CATALOG)) expect(meta.section).toMatch(/^§\d(\.\d)?$/);
  });

  it("knows where each value of the table comes from", () => {
    for (const id of Object.values(RULE_SET_SOURCES)) expect(RULE_CATALOG[id as RuleId]).toBeDefined();
  });
});

describe("no threshold outside the rule table", () => {
  it("no limit, rate or lead time is written as a literal in the engine's other modules", () => {
    const dir = import.meta.dirname;
    const files = readdirSync(dir).filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "rules.ts" && f !== "test-helpers.ts",
    );
    const forbidden = /\b(2_?000_?000|10_?000_?000|1_?000_?000|20_?000|100_?000|50_?000)\b|\b(21|29)\s*\/|\/\s*(121|109)\b/;
    for (const file of files) {
      const code = readFileSync(path.join(dir, file), "utf8")
        .split("\n")
        .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
        .join("\n");
      expect(code.match(forbidden)?.[0], file).toBeUndefined();
    }
  });
});

// Dutch and English must say the same things: every key in one exists in the other.
import { describe, expect, it } from "vitest";
import en from "@/lib/platform/i18n/messages/en/index";
import nl from "@/lib/platform/i18n/messages/nl/index";
import { RULE_TABLE } from "@/lib/kor";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("messages", () => {
  it("have the same keys in Dutch and English", () => {
    expect(keys(en).sort()).toEqual(keys(nl).sort());
  });

  it("have no empty texts", () => {
    const empty = [...keys(nl), ...keys(en)].filter((key) => {
      const read = (source: unknown) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], source);
      return read(nl) === "" || read(en) === "";
    });
    expect(empty).toEqual([]);
  });

  it("take every limit of the rule table from it, never as a written amount", () => {
    const limits = new Set(RULE_TABLE.flatMap((rules) => [rules.korLimitCents, rules.unionLimitCents, rules.distanceSalesThresholdCents]));
    const written = (cents: number) => new RegExp(`€\\s?${String(cents / 100).replace(/\B(?=(\d{3})+$)/g, "[.,]")}(?![\\d.,]*\\d)`);
    const texts = (node: unknown): string[] => (typeof node === "string" ? [node] : Object.values(node as object).flatMap(texts));
    const offenders = [...texts(nl), ...texts(en)].filter((text) =>
      [...limits].some((cents) => cents !== null && written(cents).test(text)),
    );
    expect(offenders).toEqual([]);
  });

  it("mark the € 1,000 suppletie limit as the Belastingdienst's practice, not a rule of the spec (#20)", () => {
    // docs/domain/KOR-RULES.md has no suppletie threshold: the sentence that names one must say it is a
    // rule of thumb, and the plain introduction of the correction must not name an amount at all.
    expect(nl.vatReturn.correctionIntro).not.toMatch(/1[.,]000/);
    expect(en.vatReturn.correctionIntro).not.toMatch(/1[.,]000/);
    expect(nl.vatReturn.correctionPractice).toMatch(/vuistregel.*Belastingdienst.*geen berekening van Drempel/);
    expect(en.vatReturn.correctionPractice).toMatch(/rule of thumb.*Belastingdienst.*not a calculation by Drempel/);
  });
});

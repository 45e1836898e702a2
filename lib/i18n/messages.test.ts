// Dutch and English must say the same things: every key in one exists in the other.
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/index";
import nl from "@/lib/i18n/messages/nl/index";
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
});

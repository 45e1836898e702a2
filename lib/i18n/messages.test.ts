// Dutch and English must say the same things: every key in one exists in the other.
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/index";
import nl from "@/lib/i18n/messages/nl/index";

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
});

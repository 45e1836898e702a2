// Every error a statement parser can raise has a Dutch and an English text.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/lib/platform/i18n/messages/en/index";
import nl from "@/lib/platform/i18n/messages/nl/index";

const BANK_DIR = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

const usedKeys = [
  ...new Set(
    sourceFiles(BANK_DIR).flatMap((file) => [...readFileSync(file, "utf8").matchAll(/"bank\.errors\.(\w+)"/g)].map((match) => match[1]!)),
  ),
];

describe("bank error messages", () => {
  it("finds the keys the parsers raise (the scan itself can fail)", () => {
    expect(usedKeys).toEqual(expect.arrayContaining(["unknownFormat", "invalidAmount", "balanceMismatch", "missingColumn"]));
  });

  it.each(usedKeys)("bank.errors.%s has a Dutch and an English text", (key) => {
    expect(nl.bank.errors[key as keyof typeof nl.bank.errors]).toEqual(expect.any(String));
    expect(en.bank.errors[key as keyof typeof en.bank.errors]).toEqual(expect.any(String));
  });
});

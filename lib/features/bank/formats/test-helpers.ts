// The hand-written statements in test/fixtures/bank/<format>/, for the parsers' tests.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { decodeStatementBytes } from "@/lib/features/bank/formats";
import type { BankFormat, BankLine, BankStatement } from "@/lib/features/bank/statement.types";

export const FIXTURE_ROOT = path.resolve(import.meta.dirname, "../../../../test/fixtures/bank");

export function fixtureBytes(format: BankFormat, name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURE_ROOT, format, name)));
}

export function fixtureText(format: BankFormat, name: string): string {
  return decodeStatementBytes(fixtureBytes(format, name));
}

/** Every fixture with the format its folder names. */
export function allFixtures(): { format: BankFormat; name: string }[] {
  return readdirSync(FIXTURE_ROOT).flatMap((format) =>
    readdirSync(path.join(FIXTURE_ROOT, format)).map((name) => ({ format: format as BankFormat, name })),
  );
}

/** The line with this description (fails the test when there is not exactly one). */
export function lineWith(statement: BankStatement, description: string): BankLine {
  const found = statement.lines.filter((line) => line.description.includes(description));
  if (found.length !== 1) throw new Error(`${found.length} lines describe "${description}"`);
  return found[0]!;
}

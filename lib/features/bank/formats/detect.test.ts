// Every format is recognised from its content by exactly one parser, and no input, however
// garbled, makes a parser fail with anything but a BankStatementError.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BANK_FORMAT_PARSERS, decodeStatementBytes, parseBankStatement } from "@/lib/features/bank/formats";
import { allFixtures, fixtureBytes, fixtureText } from "@/lib/features/bank/formats/test-helpers";
import { BANK_FORMATS, BankStatementError, type BankStatement } from "@/lib/features/bank/statement.types";

const fixtures = allFixtures();
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A statement or a BankStatementError; any other exception fails the property. */
function readOrRefuse(input: string | Uint8Array): BankStatement | BankStatementError {
  try {
    return parseBankStatement(input);
  } catch (error) {
    if (error instanceof BankStatementError) return error;
    throw error;
  }
}

function wellFormed(result: BankStatement | BankStatementError): boolean {
  if (result instanceof BankStatementError) return result.key.startsWith("bank.errors.");
  return result.lines.every(
    (line) =>
      Number.isSafeInteger(line.amountCents) &&
      DATE.test(line.bookingDate) &&
      (line.valueDate === null || DATE.test(line.valueDate)) &&
      line.externalId.length > 0 &&
      /^[A-Z]{3}$/.test(line.currency),
  );
}

describe("recognising a format from its content", () => {
  it("has fixtures for every parser, in folders named after a format", () => {
    const withFixtures = new Set(fixtures.map((fixture) => fixture.format));
    // CAMT.053's own tests live with its parser; its fixtures, when in this folder, join the checks below.
    const parsers = BANK_FORMAT_PARSERS.map((parser) => parser.format).filter((format) => format !== "camt053");
    expect(parsers.filter((format) => !withFixtures.has(format))).toEqual([]);
    expect([...withFixtures].filter((format) => !(BANK_FORMATS as readonly string[]).includes(format))).toEqual([]);
  });

  it.each(fixtures)("$format/$name is claimed by its own parser and no other", ({ format, name }) => {
    const text = fixtureText(format, name);
    expect(BANK_FORMAT_PARSERS.filter((parser) => parser.detect(text)).map((parser) => parser.format)).toEqual([format]);
    expect(parseBankStatement(fixtureBytes(format, name)).format).toBe(format);
  });

  it.each(fixtures)("$format/$name reads to the same ids twice, and distinct ids per account within the file", ({ format, name }) => {
    const ids = parseBankStatement(fixtureBytes(format, name)).lines.map((line) => line.externalId);
    expect(parseBankStatement(fixtureBytes(format, name)).lines.map((line) => line.externalId)).toEqual(ids);
    // A file of several accounts names each line's account; a line is stored by account and id.
    const keys = parseBankStatement(fixtureBytes(format, name)).lines.map((line) => `${line.accountIban ?? ""}|${line.externalId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keeps a file's identity when it gains an empty trailing line or Windows line ends", () => {
    for (const { format, name } of fixtures) {
      const text = fixtureText(format, name);
      const ids = parseBankStatement(text).lines.map((line) => line.externalId);
      expect(parseBankStatement(`${text}\r\n\r\n`).lines.map((line) => line.externalId)).toEqual(ids);
      expect(parseBankStatement(text.replace(/\r?\n/g, "\r\n")).lines.map((line) => line.externalId)).toEqual(ids);
    }
  });
});

describe("garbled input", () => {
  it("arbitrary text yields a statement or a BankStatementError", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => wellFormed(readOrRefuse(text))),
      { numRuns: 400 },
    );
  });

  it("arbitrary bytes yield a statement or a BankStatementError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => wellFormed(readOrRefuse(bytes))),
      { numRuns: 300 },
    );
  });

  // Cuts, repeats and overwrites pieces of a real file, with the characters that carry structure.
  const edit = fc.oneof(
    fc.record({ kind: fc.constant("cut" as const), at: fc.nat(), length: fc.nat(80) }),
    fc.record({ kind: fc.constant("repeat" as const), at: fc.nat(), length: fc.nat(200) }),
    fc.record({
      kind: fc.constant("write" as const),
      at: fc.nat(),
      text: fc.string({ unit: fc.constantFrom(...':;,"\t\n\r/-+.0123456789CDRNX ABEUé€'.split("")), maxLength: 12 }),
    }),
  );

  it.each(fixtures)("a damaged $format/$name yields a statement or a BankStatementError", ({ format, name }) => {
    const original = fixtureText(format, name);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = original;
        for (const change of edits) {
          const at = text.length === 0 ? 0 : change.at % text.length;
          if (change.kind === "cut") text = text.slice(0, at) + text.slice(at + change.length);
          else if (change.kind === "repeat") text = text.slice(0, at) + text.slice(at, at + change.length) + text.slice(at);
          else text = text.slice(0, at) + change.text + text.slice(at + change.text.length);
        }
        return wellFormed(readOrRefuse(text));
      }),
      { numRuns: 150 },
    );
  });

  it("reads pathological lines in linear time (no regular expression backtracks on them)", () => {
    const long = "1".repeat(200_000);
    const inputs = [
      long,
      `123456789\tEUR\t20261230\t${long}x`,
      `:20:X\n:25:NL20INGB0001234567\n:60F:C261230EUR1,00\n:61:261231C${long}\n:86:/EREF/${"/".repeat(100_000)}`,
      `"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Af Bij";"Bedrag (EUR)";"Mededelingen"\n${'"'.repeat(100_000)}`,
      `${"a;".repeat(100_000)}\n`,
    ];
    for (const input of inputs) {
      const started = performance.now();
      expect(wellFormed(readOrRefuse(input))).toBe(true);
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });

  it("decodes a damaged Windows-1252 file without throwing", () => {
    const bytes = fixtureBytes("csv-knab", "knab-export.csv");
    expect(decodeStatementBytes(bytes)).toContain("Storno");
    expect(wellFormed(readOrRefuse(bytes.slice(0, 301)))).toBe(true);
  });
});

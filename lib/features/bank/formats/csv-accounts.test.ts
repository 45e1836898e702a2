// A bank's CSV export of several accounts: every format with an own-account column on each
// row reads each line under its own account, as CAMT.053 and MT940 files of several accounts
// do; a file of one account reads as before (no line names an account).
import { describe, expect, it } from "vitest";
import { BANK_FORMAT_PARSERS, parseBankStatement } from "@/lib/features/bank/formats";
import { allFixtures, fixtureBytes, fixtureText } from "@/lib/features/bank/formats/test-helpers";
import type { BankFormat } from "@/lib/features/bank/statement.types";

// Each fixture: a payment into the current account, one into the savings account, and a
// transfer of € 300 from the current to the savings account (booked on both).
// The rows alternate: current, savings, current, savings, after `headerLines` lines.
const TWO_ACCOUNTS: { format: BankFormat; name: string; current: string; savings: string; headerLines: number }[] = [
  { format: "csv-ing", name: "two-accounts.csv", current: "NL20INGB0001234567", savings: "NL71INGB0009876543", headerLines: 1 },
  { format: "csv-rabobank", name: "two-accounts.csv", current: "NL44RABO0123456789", savings: "NL93RABO0987654321", headerLines: 1 },
  { format: "csv-abnamro", name: "TXT260303120000.TAB", current: "NL91ABNA0417164300", savings: "NL02ABNA0123456789", headerLines: 0 },
  { format: "csv-bunq", name: "two-accounts.csv", current: "NL51BUNQ2045678901", savings: "NL24BUNQ2045678902", headerLines: 1 },
  { format: "csv-knab", name: "two-accounts.csv", current: "NL07KNAB0255123456", savings: "NL77KNAB0255123457", headerLines: 2 },
  { format: "csv-triodos", name: "two-accounts.csv", current: "NL12TRIO0198765432", savings: "NL82TRIO0198765433", headerLines: 0 },
];

describe("a CSV export of two accounts", () => {
  it("covers every bank's CSV format", () => {
    const csvFormats = BANK_FORMAT_PARSERS.map((parser) => parser.format).filter((format) => format.startsWith("csv-"));
    expect(TWO_ACCOUNTS.map((fixture) => fixture.format).sort()).toEqual(csvFormats.sort());
  });

  it.each(TWO_ACCOUNTS)("$format: each line is read under its own account", ({ format, name, current, savings }) => {
    const statement = parseBankStatement(fixtureBytes(format, name));
    expect(statement).toMatchObject({ format, accountIban: current, openingBalanceCents: null, closingBalanceCents: null });
    const byAccount = (account: string) =>
      statement.lines
        .filter((line) => line.accountIban === account)
        .map((line) => [line.amountCents, line.counterpartyIban, line.description])
        .sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(statement.lines).toHaveLength(4);
    expect(byAccount(current)).toEqual([
      [-30_000, savings, "Naar spaarrekening"],
      [60_500, "NL22SNSB0912345678", "Factuur 2026-012"],
    ]);
    expect(byAccount(savings)).toEqual([
      [5_000, "NL36INGB0007654321", "Factuur 2026-013"],
      [30_000, current, "Naar spaarrekening"],
    ]);
    // The first account's lines first, each account's in the file's order.
    expect([...new Set(statement.lines.map((line) => line.accountIban))]).toEqual([current, savings]);
    expect(statement.fromDate).toBe(format === "csv-ing" ? "2026-03-03" : "2026-03-02");
  });

  it.each(TWO_ACCOUNTS)(
    "$format: the ids are those each account's own file would give",
    ({ format, name, current, savings, headerLines }) => {
      const statement = parseBankStatement(fixtureBytes(format, name));
      for (const [parity, account] of [current, savings].entries()) {
        const alone = parseBankStatement(onlyAccount(fixtureText(format, name), headerLines, parity));
        expect(alone.lines.every((line) => line.accountIban === undefined)).toBe(true);
        expect(alone.accountIban).toBe(account);
        expect(statement.lines.filter((line) => line.accountIban === account).map(({ accountIban: _a, ...line }) => line)).toEqual(
          alone.lines,
        );
      }
    },
  );

  it.each(allFixtures().filter((fixture) => fixture.format.startsWith("csv-") && !TWO_ACCOUNTS.some((two) => two.name === fixture.name)))(
    "$format/$name, of one account, names no account per line",
    ({ format, name }) => {
      expect(parseBankStatement(fixtureBytes(format, name)).lines.every((line) => line.accountIban === undefined)).toBe(true);
    },
  );
});

/** The file with its header lines and every other row from the `parity`th (0: the current account's). */
function onlyAccount(text: string, headerLines: number, parity: number): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  return [...lines.slice(0, headerLines), ...lines.slice(headerLines).filter((_, index) => index % 2 === parity)].join("\n");
}

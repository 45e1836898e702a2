// Triodos Bank's CSV export: comma-separated, quoted, no header. Per booking: date
// (dd-mm-yyyy), own account (NL..TRIO..), amount (unsigned, "1.234,56"), "Debet"/"Credit",
// counterparty name, counterparty account, transaction code (OV, IC, BA, KN, …),
// description and, in newer exports, the balance after the booking. Triodos gives no
// reference per line, so the ids are hashes.
import { buildStatement, singleAccount, type DraftLine } from "@/lib/bank/formats/build-statement";
import { cellsOf, firstLine, readRecords } from "@/lib/bank/formats/csv-table";
import { cleanText, normaliseIban, parseAmountCents, requireAmountCents, requireDate } from "@/lib/bank/formats/read-values";
import { balancesFromRunning } from "@/lib/bank/formats/running-balance";
import { BankStatementError, type BankFormatParser } from "@/lib/bank/statement.types";

function looksLikeRow(cells: string[]): boolean {
  return (
    cells.length >= 8 &&
    /^\d{2}-\d{2}-\d{4}$/.test(cells[0] ?? "") &&
    /^NL\d{2}TRIO\d{10}$/.test((cells[1] ?? "").replace(/\s+/g, "").toUpperCase()) &&
    /^(Debet|Credit)$/i.test(cells[3] ?? "")
  );
}

export const csvTriodosParser: BankFormatParser = {
  format: "csv-triodos",
  detect: (text) => looksLikeRow(cellsOf(firstLine(text), ",")),
  parse(text) {
    const account = singleAccount();
    let accountRaw: string | null = null;
    const running: { bookingDate: string; amountCents: number; balanceAfterCents: number | null }[] = [];
    const lines = readRecords(text, ",").map((record): DraftLine => {
      const [date, own, amount, direction, name, counterparty, code, description, balance] = record.cells;
      if (!looksLikeRow(record.cells)) {
        throw new BankStatementError("bank.errors.malformedLine", { line: record.line, value: (date ?? "").slice(0, 40) });
      }
      accountRaw = own!;
      account(accountRaw, record.line);
      const unsigned = requireAmountCents(amount!, ",", record.line);
      const amountCents = /^debet$/i.test(direction!) ? -unsigned || 0 : unsigned;
      const bookingDate = requireDate(date!, record.line);
      running.push({ bookingDate, amountCents, balanceAfterCents: balance ? parseAmountCents(balance, ",") : null });
      return {
        bookingDate,
        valueDate: null,
        amountCents,
        currency: "EUR",
        originalAmount: null,
        counterpartyName: cleanText(name) || null,
        counterpartyIban: normaliseIban(counterparty),
        description: cleanText(description),
        endToEndId: null,
        transactionCode: code || null,
        reversal: /\b(storno|terugboeking)\b/i.test(description ?? ""),
        batch: null,
        bankReference: null,
      };
    });
    const balances = balancesFromRunning(running);
    return buildStatement({
      format: "csv-triodos",
      accountIban: normaliseIban(accountRaw),
      accountKey: accountRaw,
      currency: "EUR",
      statementId: null,
      openingBalanceCents: balances.opening,
      closingBalanceCents: balances.closing,
      lines,
    });
  },
};

// Triodos Bank's CSV export: comma-separated, quoted, in two layouts. The older one has no
// header; per booking: date (dd-mm-yyyy), own account (NL..TRIO..), amount (unsigned,
// "1.234,56"), "Debet"/"Credit", counterparty name, counterparty account, transaction
// code (OV, IC, BA, KN, …), description and, in newer exports, the balance after the
// booking. The newer one starts with a header row naming those columns (Boekdatum or
// Datum, Rekeningnummer, Bedrag, Debet/Credit, Naam tegenrekening, Tegenrekening, Code,
// Omschrijving, Saldo na boeking) and is read by the names, in any order. Triodos gives no
// reference per line, so the ids are hashes.
import { buildAccountRows, type AccountRow, type DraftLine } from "@/lib/features/bank/formats/build-statement";
import {
  cellsOf,
  columnsOf,
  firstLine,
  guessDelimiter,
  hasColumns,
  readRecords,
  type CsvRecord,
} from "@/lib/features/bank/formats/csv-table";
import { cleanText, normaliseIban, parseAmountCents, requireAmountCents, requireDate } from "@/lib/features/bank/formats/read-values";
import { balancesFromRunning, type BalancedRow } from "@/lib/features/bank/formats/running-balance";
import { BankStatementError, type BankFormatParser } from "@/lib/features/bank/statement.types";

const DATE = /^\d{2}-\d{2}-\d{4}$/;
const DIRECTION = /^(Debet|Credit)$/i;

function looksLikeRow(cells: string[]): boolean {
  return (
    cells.length >= 8 &&
    DATE.test(cells[0] ?? "") &&
    /^NL\d{2}TRIO\d{10}$/.test((cells[1] ?? "").replace(/\s+/g, "").toUpperCase()) &&
    DIRECTION.test(cells[3] ?? "")
  );
}

const COLUMNS = {
  date: ["boekdatum", "datum"],
  account: ["rekeningnummer"],
  amount: ["bedrag"],
  direction: ["debet/credit"],
  name: ["naam tegenrekening"],
  counterparty: ["tegenrekening"],
  code: ["code"],
  description: ["omschrijving"],
  balance: ["saldo na boeking", "saldo"],
};
type Column = keyof typeof COLUMNS;

function isHeader(cells: string[]): boolean {
  return (
    hasColumns(cells, ["rekeningnummer", "bedrag", "debet/credit", "omschrijving"]) &&
    (hasColumns(cells, ["boekdatum"]) || hasColumns(cells, ["datum"]))
  );
}

/** One booking's cells in the headerless layout's order. */
type Row = [
  date: string,
  own: string,
  amount: string,
  direction: string,
  name: string,
  counterparty: string,
  code: string,
  description: string,
  balance: string,
];

export const csvTriodosParser: BankFormatParser = {
  format: "csv-triodos",
  detect: (text) => {
    const first = firstLine(text);
    return looksLikeRow(cellsOf(first, ",")) || isHeader(cellsOf(first, guessDelimiter(first)));
  },
  parse(text) {
    const first = firstLine(text);
    const delimiter = looksLikeRow(cellsOf(first, ",")) ? "," : guessDelimiter(first);
    const records = readRecords(text, delimiter);
    let rowOf = (record: CsvRecord): Row | null => (looksLikeRow(record.cells) ? (record.cells.slice(0, 9) as Row) : null);
    if (records[0] && isHeader(records[0].cells)) {
      const header = records.shift()!;
      const { cell } = columnsOf<Column>(header, COLUMNS, ["name", "counterparty", "code", "balance"]);
      rowOf = (record) => {
        const row = (Object.keys(COLUMNS) as Column[]).map((column) => cell(record, column)) as Row;
        return DATE.test(row[0]) && DIRECTION.test(row[3]) && row[1] ? row : null;
      };
    }
    const lines = records.map((record): AccountRow<BalancedRow> => {
      const row = rowOf(record);
      if (!row)
        throw new BankStatementError("bank.errors.malformedLine", { line: record.line, value: (record.cells[0] ?? "").slice(0, 40) });
      const [date, own, amount, direction, name, counterparty, code, description, balance] = row;
      const unsigned = requireAmountCents(amount, ",", record.line);
      const amountCents = /^debet$/i.test(direction) ? -unsigned || 0 : unsigned;
      const bookingDate = requireDate(date, record.line);
      const line: DraftLine = {
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
        reversal: /\b(storno|terugboeking)\b/i.test(description),
        batch: null,
        bankReference: null,
      };
      const balanceAfterCents = balance ? parseAmountCents(balance, ",") : null;
      return { account: own, line, balance: { bookingDate, amountCents, balanceAfterCents } };
    });
    // A file may hold several accounts, each row naming its own.
    return buildAccountRows("csv-triodos", lines, {
      currency: "EUR",
      balances: (own) => balancesFromRunning(own.map((row) => row.balance)),
    });
  },
};

// bunq's CSV export: "Date", "Interest Date", "Amount", "Account", "Counterparty", "Name",
// "Description", separated by ";" or "," as the user chose, with the decimal mark the user
// chose ("-1.234,56" or "-1,234.56"). Dates are yyyy-mm-dd; Account is the own IBAN.
// bunq gives no reference per line, so the ids are hashes.
import { buildAccountRows, type AccountRow } from "@/lib/features/bank/formats/build-statement";
import { cellsOf, columnsOf, firstLine, guessDelimiter, hasColumns, readRecords } from "@/lib/features/bank/formats/csv-table";
import { cleanText, normaliseIban, parseDate, requireAmountCents, requireDate } from "@/lib/features/bank/formats/read-values";
import { BankStatementError, type BankFormatParser } from "@/lib/features/bank/statement.types";

const COLUMNS = {
  date: ["date"],
  valueDate: ["interest date"],
  amount: ["amount"],
  account: ["account"],
  counterparty: ["counterparty"],
  name: ["name"],
  description: ["description"],
};
const SIGNATURE = ["date", "amount", "account", "counterparty", "name", "description"];

function header(text: string): string[] {
  const line = firstLine(text);
  return cellsOf(line, guessDelimiter(line));
}

export const csvBunqParser: BankFormatParser = {
  format: "csv-bunq",
  detect: (text) => hasColumns(header(text), SIGNATURE),
  parse(text) {
    const [head, ...rows] = readRecords(text, guessDelimiter(firstLine(text)));
    if (!head) throw new BankStatementError("bank.errors.unknownFormat");
    const table = columnsOf(head, COLUMNS, ["valueDate"]);
    const lines = rows.map(
      (record): AccountRow => ({
        account: table.cell(record, "account"),
        balance: null,
        line: {
          bookingDate: requireDate(table.cell(record, "date"), record.line),
          valueDate: parseDate(table.cell(record, "valueDate")),
          amountCents: requireAmountCents(table.cell(record, "amount"), "auto", record.line),
          currency: "EUR",
          originalAmount: null,
          counterpartyName: cleanText(table.cell(record, "name")) || null,
          counterpartyIban: normaliseIban(table.cell(record, "counterparty")),
          description: cleanText(table.cell(record, "description")),
          endToEndId: null,
          transactionCode: null,
          reversal: false,
          batch: null,
          bankReference: null,
        },
      }),
    );
    // A file may hold several accounts, each row naming its own.
    return buildAccountRows("csv-bunq", lines, { currency: "EUR" });
  },
};

// Knab's CSV export: a first line "KNAB EXPORT;;;…", then a header (Rekeningnummer,
// Transactiedatum, Valutacode, CreditDebet, Bedrag, Tegenrekeningnummer,
// Tegenrekeninghouder, Valutadatum, Betaalwijze, Omschrijving, Type betaling,
// Machtigingsnummer, Incassant ID, Adres, Referentie, Boekdatum), semicolon-separated,
// quoted, each line ending in ";". Dates dd-mm-yyyy; Bedrag unsigned with a decimal comma
// and CreditDebet "C"/"D"; Referentie is Knab's own reference for the booking.
import { buildAccountRows, type AccountRow } from "@/lib/features/bank/formats/build-statement";
import { cellsOf, columnsOf, firstLine, hasColumns, readRecords } from "@/lib/features/bank/formats/csv-table";
import {
  cleanText,
  normaliseIban,
  parseDate,
  requireAmountCents,
  requireCurrency,
  requireDate,
} from "@/lib/features/bank/formats/read-values";
import { BankStatementError, type BankFormatParser } from "@/lib/features/bank/statement.types";

const COLUMNS = {
  account: ["rekeningnummer"],
  date: ["transactiedatum"],
  currency: ["valutacode"],
  direction: ["creditdebet"],
  amount: ["bedrag"],
  counterpartyIban: ["tegenrekeningnummer"],
  counterpartyName: ["tegenrekeninghouder"],
  valueDate: ["valutadatum"],
  method: ["betaalwijze"],
  description: ["omschrijving"],
  reference: ["referentie"],
  bookingDate: ["boekdatum"],
};
const SIGNATURE = ["rekeningnummer", "transactiedatum", "creditdebet", "bedrag", "tegenrekeninghouder"];

function headerIndex(text: string): number {
  return /^KNAB EXPORT/i.test(firstLine(text).replace(/^"/, "")) ? 1 : 0;
}

export const csvKnabParser: BankFormatParser = {
  format: "csv-knab",
  detect: (text) => hasColumns(cellsOf(firstLine(text, headerIndex(text)), ";"), SIGNATURE),
  parse(text) {
    const records = readRecords(text, ";").slice(headerIndex(text));
    const [head, ...rows] = records;
    if (!head) throw new BankStatementError("bank.errors.unknownFormat");
    const table = columnsOf(head, COLUMNS, ["valueDate", "method", "reference", "bookingDate", "currency"]);
    const lines = rows.map((record): AccountRow => {
      const direction = table.cell(record, "direction").toUpperCase();
      if (direction !== "C" && direction !== "D") {
        throw new BankStatementError("bank.errors.malformedLine", { line: record.line, value: direction });
      }
      const unsigned = requireAmountCents(table.cell(record, "amount"), ",", record.line);
      const rowCurrency = requireCurrency(table.cell(record, "currency"), "EUR", record.line);
      const booked = table.cell(record, "bookingDate");
      const method = table.cell(record, "method");
      const description = cleanText(table.cell(record, "description"));
      const reference = table.cell(record, "reference");
      const line = {
        bookingDate: booked ? requireDate(booked, record.line) : requireDate(table.cell(record, "date"), record.line),
        valueDate: parseDate(table.cell(record, "valueDate")),
        amountCents: direction === "D" ? -unsigned || 0 : unsigned,
        currency: rowCurrency,
        originalAmount: null,
        counterpartyName: cleanText(table.cell(record, "counterpartyName")) || null,
        counterpartyIban: normaliseIban(table.cell(record, "counterpartyIban")),
        description,
        endToEndId: null,
        transactionCode: method || null,
        reversal: /\b(storno|terugboeking)\b/i.test(`${method} ${description}`),
        batch: null,
        bankReference: reference !== "" ? `knab:${reference}` : null,
      };
      return { account: table.cell(record, "account"), line, balance: null };
    });
    // A file may hold several accounts, each row naming its own.
    return buildAccountRows("csv-knab", lines);
  },
};

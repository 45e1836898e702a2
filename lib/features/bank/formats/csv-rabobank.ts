// Rabobank's CSV export (since 2018): comma-separated, every cell quoted, UTF-8 or
// Windows-1252. One row per booking with the account ("IBAN/BBAN"), "Munt", "Volgnr" (the
// booking's sequence number on that account, which is its identity), "Datum" and
// "Rentedatum" (yyyy-mm-dd), "Bedrag" with its sign ("+1.500,00", "-10,00"), the
// counterparty, Omschrijving-1..3, "Reden retour" for returned payments and
// "Oorspr bedrag"/"Oorspr munt" for payments in another currency.
import { buildAccountRows, type AccountRow, type DraftLine } from "@/lib/features/bank/formats/build-statement";
import { cellsOf, columnsOf, firstLine, hasColumns, readRecords } from "@/lib/features/bank/formats/csv-table";
import { endToEnd } from "@/lib/features/bank/formats/payment-details";
import {
  cleanText,
  normaliseIban,
  parseAmountCents,
  parseDate,
  requireAmountCents,
  requireCurrency,
  requireDate,
} from "@/lib/features/bank/formats/read-values";
import { balancesFromRunning, type BalancedRow } from "@/lib/features/bank/formats/running-balance";
import { BankStatementError, type BankFormatParser } from "@/lib/features/bank/statement.types";

const COLUMNS = {
  account: ["iban/bban"],
  currency: ["munt"],
  sequence: ["volgnr"],
  date: ["datum"],
  valueDate: ["rentedatum"],
  amount: ["bedrag"],
  balance: ["saldo na trn"],
  counterpartyIban: ["tegenrekening iban/bban"],
  counterpartyName: ["naam tegenpartij"],
  code: ["code"],
  reference: ["transactiereferentie"],
  description1: ["omschrijving-1"],
  description2: ["omschrijving-2"],
  description3: ["omschrijving-3"],
  returnReason: ["reden retour"],
  originalAmount: ["oorspr bedrag"],
  originalCurrency: ["oorspr munt"],
};
const OPTIONAL = [
  "valueDate",
  "balance",
  "counterpartyIban",
  "code",
  "reference",
  "description2",
  "description3",
  "returnReason",
  "originalAmount",
  "originalCurrency",
] as (keyof typeof COLUMNS)[];
const SIGNATURE = ["iban/bban", "munt", "volgnr", "datum", "bedrag", "naam tegenpartij", "omschrijving-1"];

export const csvRabobankParser: BankFormatParser = {
  format: "csv-rabobank",
  detect: (text) => hasColumns(cellsOf(firstLine(text), ","), SIGNATURE),
  parse(text) {
    const [head, ...rows] = readRecords(text, ",");
    if (!head) throw new BankStatementError("bank.errors.unknownFormat");
    const table = columnsOf(head, COLUMNS, OPTIONAL);
    const lines = rows.map((record): AccountRow<BalancedRow> => {
      // Rabobank writes "+1.500,00"; a bank-wide setting gives "+1500.00" instead.
      const amountCents = requireAmountCents(table.cell(record, "amount"), "auto", record.line);
      const bookingDate = requireDate(table.cell(record, "date"), record.line);
      const rowCurrency = requireCurrency(table.cell(record, "currency"), "EUR", record.line);
      const balance = table.cell(record, "balance");
      const original = parseAmountCents(table.cell(record, "originalAmount"), "auto");
      const originalCurrency = table.cell(record, "originalCurrency").toUpperCase();
      const sequence = table.cell(record, "sequence");
      const line: DraftLine = {
        bookingDate,
        valueDate: parseDate(table.cell(record, "valueDate")),
        amountCents,
        currency: rowCurrency,
        originalAmount:
          original !== null && /^[A-Z]{3}$/.test(originalCurrency) && originalCurrency !== rowCurrency
            ? { amountCents: Math.abs(original), currency: originalCurrency }
            : null,
        counterpartyName: cleanText(table.cell(record, "counterpartyName")) || null,
        counterpartyIban: normaliseIban(table.cell(record, "counterpartyIban")),
        description: cleanText(
          [table.cell(record, "description1"), table.cell(record, "description2"), table.cell(record, "description3")].join(" "),
        ),
        endToEndId: endToEnd(table.cell(record, "reference")),
        transactionCode: table.cell(record, "code") || null,
        reversal: table.cell(record, "returnReason") !== "",
        batch: null,
        bankReference: /^\d+$/.test(sequence) ? `volgnr:${sequence.replace(/^0+(?=\d)/, "")}` : null,
      };
      const balanceAfterCents = balance ? parseAmountCents(balance, "auto") : null;
      return { account: table.cell(record, "account"), line, balance: { bookingDate, amountCents, balanceAfterCents } };
    });
    // A file may hold several accounts, each row naming its own.
    return buildAccountRows("csv-rabobank", lines, { balances: (own) => balancesFromRunning(own.map((row) => row.balance)) });
  },
};

// ING's CSV export ("Af- en bijschrijvingen"): comma-separated with "MutatieSoort" (older)
// or semicolon-separated with "Mutatiesoort", "Saldo na mutatie" and "Tag"; Dutch or English
// headers. Datum is yyyymmdd, "Bedrag (EUR)" is unsigned with a decimal comma and "Af Bij"
// says the direction; Mededelingen holds "Naam: … Omschrijving: … IBAN: … Kenmerk: …
// Valutadatum: dd-mm-yyyy". ING gives no reference per line, so the ids are hashes.
import { buildAccountRows, type AccountRow, type DraftLine } from "@/lib/features/bank/formats/build-statement";
import { cellsOf, columnsOf, firstLine, guessDelimiter, hasColumns, readRecords } from "@/lib/features/bank/formats/csv-table";
import {
  cleanText,
  normaliseIban,
  parseAmountCents,
  parseDate,
  requireAmountCents,
  requireDate,
} from "@/lib/features/bank/formats/read-values";
import { balancesFromRunning, type BalancedRow } from "@/lib/features/bank/formats/running-balance";
import { BankStatementError, type BankFormatParser } from "@/lib/features/bank/statement.types";

const COLUMNS = {
  date: ["datum", "date"],
  name: ["naam / omschrijving", "name / description"],
  account: ["rekening", "account"],
  counterparty: ["tegenrekening", "counterparty"],
  code: ["code"],
  direction: ["af bij", "debit/credit"],
  amount: ["bedrag (eur)", "amount (eur)"],
  kind: ["mutatiesoort", "transaction type"],
  notes: ["mededelingen", "notifications"],
  balance: ["saldo na mutatie", "resulting balance"],
};
const DUTCH_SIGNATURE = ["datum", "naam / omschrijving", "rekening", "tegenrekening", "af bij", "bedrag (eur)", "mededelingen"];
const ENGLISH_SIGNATURE = ["date", "name / description", "account", "counterparty", "debit/credit", "amount (eur)", "notifications"];

// The labels ING writes in Mededelingen, Dutch and English.
const LABELS =
  /\b(Naam|Name|Omschrijving|Description|IBAN|Kenmerk|Reference|Valutadatum|Value date|Machtiging ID|Mandate ID|Incassant ID|Creditor ID|Datum\/Tijd|Date\/time|Pasvolgnr|Card sequence no\.|Transactie|Transaction|Term|Terminal):\s/g;

function readNotes(notes: string): Map<string, string> {
  const found = [...notes.matchAll(LABELS)];
  const values = new Map<string, string>();
  found.forEach((match, index) => {
    const label = match[1]!.toLowerCase();
    const end = found[index + 1]?.index ?? notes.length;
    if (!values.has(label)) values.set(label, cleanText(notes.slice(match.index + match[0].length, end)));
  });
  return values;
}

function header(text: string): string[] {
  const line = firstLine(text);
  return cellsOf(line, guessDelimiter(line));
}

export const csvIngParser: BankFormatParser = {
  format: "csv-ing",
  detect(text) {
    const cells = header(text);
    return hasColumns(cells, DUTCH_SIGNATURE) || hasColumns(cells, ENGLISH_SIGNATURE);
  },
  parse(text) {
    const records = readRecords(text, guessDelimiter(firstLine(text)));
    const [head, ...rows] = records;
    if (!head) throw new BankStatementError("bank.errors.unknownFormat");
    const table = columnsOf(head, COLUMNS, ["code", "kind", "balance"]);
    const lines = rows.map((record): AccountRow<BalancedRow> => {
      const direction = table.cell(record, "direction").toLowerCase();
      if (!["af", "bij", "debit", "credit"].includes(direction)) {
        throw new BankStatementError("bank.errors.malformedLine", { line: record.line, value: direction });
      }
      const unsigned = requireAmountCents(table.cell(record, "amount"), ",", record.line);
      const amountCents = direction === "af" || direction === "debit" ? -unsigned || 0 : unsigned;
      const bookingDate = requireDate(table.cell(record, "date"), record.line);
      const notesText = table.cell(record, "notes");
      const notes = readNotes(notesText);
      const valueDate = parseDate(notes.get("valutadatum") ?? notes.get("value date") ?? "");
      const description =
        notes.get("omschrijving") ?? notes.get("description") ?? cleanText(notesText.replace(/\b(Valutadatum|Value date):\s*\S+/g, ""));
      const balance = table.cell(record, "balance");
      const reference = notes.get("kenmerk") ?? notes.get("reference") ?? null;
      const line: DraftLine = {
        bookingDate,
        valueDate,
        amountCents,
        currency: "EUR",
        originalAmount: null,
        counterpartyName: cleanText(table.cell(record, "name")) || null,
        counterpartyIban: normaliseIban(table.cell(record, "counterparty")) ?? normaliseIban(notes.get("iban")),
        description,
        endToEndId: reference && reference.toUpperCase() !== "NOTPROVIDED" ? reference : null,
        transactionCode: table.cell(record, "code") || null,
        reversal: /\b(storno|terugboeking|reversal)\b/i.test(`${table.cell(record, "kind")} ${notesText}`),
        batch: null,
        bankReference: null,
      };
      const balanceAfterCents = balance ? parseAmountCents(balance, ",") : null;
      return { account: table.cell(record, "account"), line, balance: { bookingDate, amountCents, balanceAfterCents } };
    });
    // A file may hold several accounts ("Rekening"), each row naming its own.
    return buildAccountRows("csv-ing", lines, {
      currency: "EUR",
      balances: (own) => balancesFromRunning(own.map((row) => row.balance)),
    });
  },
};

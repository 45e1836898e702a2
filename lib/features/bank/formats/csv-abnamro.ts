// ABN AMRO's TXT export (TXTyymmddhhmmss.TAB): tab-separated, no header, one booking per
// line: account number, currency, transaction date (yyyymmdd), balance before, balance
// after, value date, signed amount with a decimal comma, description. The description is
// either the SEPA "/TRTP/…/IBAN/…/NAME/…/REMI/…" layout or ABN AMRO's fixed-width text in
// which a space was inserted after the first 32 characters and after every 64 more.
import { buildAccountRows, type DraftLine } from "@/lib/features/bank/formats/build-statement";
import { firstLine, readRecords, type CsvRecord } from "@/lib/features/bank/formats/csv-table";
import { readPaymentDetails } from "@/lib/features/bank/formats/payment-details";
import {
  dutchIbanFromAccountNumber,
  normaliseIban,
  parseDate,
  requireAmountCents,
  requireCurrency,
  requireDate,
} from "@/lib/features/bank/formats/read-values";
import { BankStatementError, type BankFormatParser } from "@/lib/features/bank/statement.types";

const ROW = /^(\d{1,10}|NL\d{2}ABNA\d{10})\t([A-Z]{3})\t(\d{8})\t-?[\d.,]+\t-?[\d.,]+\t(\d{8})\t-?[\d.,]+\t/;

/** Removes the spaces ABN AMRO inserted at 32 and every 64 characters after, when it did. */
export function rejoinFixedWidth(description: string): string {
  if (description.startsWith("/") || description.length <= 32 || description[32] !== " ") return description;
  const chunks = [description.slice(0, 32)];
  for (let at = 33; at < description.length; at += 65) {
    chunks.push(description.slice(at, at + 64));
    const separator = description[at + 64];
    if (separator !== undefined && separator !== " ") return description;
  }
  return chunks.join("");
}

function accountIban(raw: string): string | null {
  return normaliseIban(raw) ?? dutchIbanFromAccountNumber("ABNA", raw);
}

function readRow(record: CsvRecord): DraftLine & { before: number; after: number } {
  const fail = (): never => {
    throw new BankStatementError("bank.errors.malformedLine", { line: record.line });
  };
  if (record.cells.length < 7) fail();
  const [, currency, date, before, after, valueDate, amount, ...description] = record.cells as string[];
  const amountCents = requireAmountCents(amount!, ",", record.line);
  const beforeCents = requireAmountCents(before!, ",", record.line);
  const afterCents = requireAmountCents(after!, ",", record.line);
  if (beforeCents + amountCents !== afterCents) {
    throw new BankStatementError("bank.errors.balanceMismatch", { line: record.line, value: amount });
  }
  const details = readPaymentDetails(rejoinFixedWidth(description.join("\t")));
  return {
    bookingDate: requireDate(date!, record.line),
    valueDate: parseDate(valueDate!),
    amountCents,
    currency: requireCurrency(currency!, "EUR", record.line),
    originalAmount: details.originalAmount,
    counterpartyName: details.counterpartyName,
    counterpartyIban: details.counterpartyIban,
    description: details.description,
    endToEndId: details.endToEndId,
    transactionCode: details.transactionType,
    reversal: details.returned,
    batch: details.batch,
    bankReference: null,
    before: beforeCents,
    after: afterCents,
  };
}

export const csvAbnAmroParser: BankFormatParser = {
  format: "csv-abnamro",
  detect: (text) => ROW.test(firstLine(text)),
  parse(text) {
    // Quotes mean nothing in this export; a lone '"' in a description must not swallow lines.
    const records = readRecords(text.replace(/"/g, "\u0000"), "\t").map((record) => ({
      ...record,
      // NUL stood in for a quote while the record was split.
      cells: record.cells.map((cell) => cell.replaceAll("\u0000", '"')),
    }));
    const rows = records.map((record) => {
      const { before, after, ...line } = readRow(record);
      return { account: record.cells[0] ?? "", line, balance: { before, after } };
    });
    // A file may hold several accounts, each row naming its own (by number or IBAN).
    return buildAccountRows("csv-abnamro", rows, {
      ibanOf: accountIban,
      balances(own) {
        const ordered = [...own].sort((a, b) => a.line.bookingDate.localeCompare(b.line.bookingDate));
        return { opening: ordered[0]?.balance.before ?? null, closing: ordered[ordered.length - 1]?.balance.after ?? null };
      },
    });
  },
};

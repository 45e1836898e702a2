// SWIFT MT940 as the Dutch banks write it: the tags of each statement message (:20:, :25:,
// :28C:, :60F:/:60M:, :61: with its :86:, :62F:/:62M:), any number of messages per file,
// the banks' own header lines and SWIFT blocks around them. The banks differ in what their
// :86: says and how they name the account; mt940-ing/-rabobank/-abnamro supply that.
//
// Written by hand rather than with mt940js (Apache-2.0, last release 1.3.5 in Dec 2024):
// it reads amounts as floating point, dates as JS Date objects, gives an entry date the
// value date's year (wrong across a year end), throws plain Errors without a line, and its
// generic "/XX/" splitter breaks ING's /CNTP/ and Rabobank's /ORDP//NAME/ subfields.
import { buildStatement, combineAccounts, type DraftLine } from "@/lib/features/bank/formats/build-statement";
import { originalAmountIn, readPaymentDetails } from "@/lib/features/bank/formats/payment-details";
import { calendarDate, dutchIbanFromAccountNumber, normaliseIban, parseAmountCents } from "@/lib/features/bank/formats/read-values";
import { BankStatementError, type BankFormat, type BankStatement } from "@/lib/features/bank/statement.types";

export type Mt940Bank = "ing" | "rabobank" | "abnamro";

type Field = { tag: string; lines: string[]; line: number };

const TAG_LINE = /^:(\d{2}[A-Z]?):(.*)$/;
// SWIFT block markers and end-of-message lines, which belong to no field.
const FRAME_LINE = /^(\{\d:.*|-\}?|-XXX|\}|\{4:)$/;

function readFields(text: string): Field[] {
  const fields: Field[] = [];
  let current: Field | null = null;
  text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      // Trailing spaces stay: a structured :86: can be cut right after a space ("Acme |Tools").
      const line = raw;
      const tag = TAG_LINE.exec(line);
      if (tag) {
        current = { tag: tag[1]!, lines: [tag[2]!], line: index + 1 };
        fields.push(current);
      } else if (FRAME_LINE.test(line.trim())) current = null;
      else if (current && line.trim() !== "") current.lines.push(line);
    });
  return fields;
}

// A line of ABN AMRO's labelled free text that starts with a label starts a new field.
const LABEL_START = /^(IBAN|BIC|Naam|Omschrijving|Kenmerk|Betalingskenm\.|Machtiging|Incassant|Voor|ID debiteur):/i;

/** The :86: text: structured subfields are cut at 65 characters mid-word, so rejoin them as is. */
function joinDetails(lines: string[]): string {
  if (lines[0]?.startsWith("/")) return lines.join("");
  return lines.reduce((joined, line, index) => {
    if (index === 0) return line;
    // A full 65-character line was cut by the bank, not ended by the writer, unless a label follows.
    const previous = lines[index - 1]!;
    const width = index === 1 ? previous.length + 4 : previous.length;
    return joined + (width >= 65 && !LABEL_START.test(line) ? "" : " ") + line;
  }, "");
}

/** Which Dutch bank wrote this MT940 file, from its header lines and account; null if none. */
export function mt940Bank(text: string): Mt940Bank | null {
  const head = text.slice(0, 400).replace(/^\uFEFF/, "");
  if (!/^:20:/m.test(text) || !/^:61:|^:60[FM]:/m.test(text)) return null;
  const firstLine =
    head
      .split(/\r\n|\r|\n/)
      .find((line) => line.trim() !== "")
      ?.trim() ?? "";
  if (firstLine === "ABNANL2A") return "abnamro";
  if (firstLine === ":940:") return "rabobank";
  if (/INGBNL2A/.test(firstLine)) return "ing";
  const account = /^:25:(.*)$/m.exec(text)?.[1]?.replace(/\s+/g, "").toUpperCase() ?? "";
  const bankCode = /^NL\d{2}([A-Z]{4})/.exec(account)?.[1];
  if (bankCode === "ABNA") return "abnamro";
  if (bankCode === "RABO") return "rabobank";
  if (bankCode === "INGB") return "ing";
  if (/^:20:ABN AMRO/m.test(text)) return "abnamro";
  return null;
}

const BANK_CODES: Record<Mt940Bank, string> = { ing: "INGB", rabobank: "RABO", abnamro: "ABNA" };

type Balance = { cents: number; date: string; currency: string };

function readBalance(field: Field): Balance {
  const match = /^([DC])(\d{2})(\d{2})(\d{2})([A-Z]{3})(\d{1,15},\d{0,2})$/.exec(field.lines[0]!.trim());
  const date = match ? calendarDate(2000 + Number(match[2]), Number(match[3]), Number(match[4])) : null;
  const cents = match ? parseAmountCents(match[6]!, ",") : null;
  if (!match || !date || cents === null) {
    throw new BankStatementError("bank.errors.invalidBalance", { line: field.line, value: field.lines[0]!.slice(0, 40) });
  }
  return { cents: match[1] === "D" ? -cents : cents, date, currency: match[5]! };
}

/** The :61: entry date (MMDD) in the year that puts it nearest the value date. */
function entryDate(valueDate: string, month: number, day: number): string | null {
  const valueYear = Number(valueDate.slice(0, 4));
  const valueMonth = Number(valueDate.slice(5, 7));
  let year = valueYear;
  if (month - valueMonth > 6) year -= 1; // value 2 January, booked 31 December before
  if (valueMonth - month > 6) year += 1; // value 31 December, booked 2 January after
  return calendarDate(year, month, day);
}

const STATEMENT_LINE = /^(\d{2})(\d{2})(\d{2})(\d{4})?(RC|RD|C|D)([A-Z])?(\d{1,15},\d{0,2})([NSF])([A-Z0-9]{3}|[A-Z0-9]{2} )(.*)$/;

type ReadLine = DraftLine & { sourceLine: number };

function readStatementLine(field: Field, currency: string, details: Field | null): ReadLine {
  const match = STATEMENT_LINE.exec(field.lines[0]!.trim());
  const fail = (key: string): never => {
    throw new BankStatementError(key, { line: field.line, value: field.lines[0]!.slice(0, 40) });
  };
  if (!match) return fail("bank.errors.malformedLine");
  const [, yy, mm, dd, entry, mark, , amount, kind, code, rest] = match as unknown as string[];
  const valueDate = calendarDate(2000 + Number(yy), Number(mm), Number(dd)) ?? fail("bank.errors.invalidDate");
  const bookingDate = entry
    ? (entryDate(valueDate, Number(entry.slice(0, 2)), Number(entry.slice(2, 4))) ?? fail("bank.errors.invalidDate"))
    : valueDate;
  const cents = parseAmountCents(amount!, ",") ?? fail("bank.errors.invalidAmount");
  const credit = mark === "C" || mark === "RD";
  const [, bankReference] = rest!.split("//");
  const supplementary = field.lines.slice(1).join("");
  const detailText = details ? joinDetails(details.lines) : "";
  const read = readPaymentDetails(detailText);
  // Rabobank puts the counterparty's account on the line under :61:.
  const supplementaryIban = normaliseIban(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}/.exec(supplementary.replace(/\s+/g, ""))?.[0]);
  return {
    bookingDate,
    valueDate,
    amountCents: credit ? cents : -cents || 0,
    currency,
    originalAmount: read.originalAmount ?? originalAmountIn(supplementary),
    counterpartyName: read.counterpartyName,
    counterpartyIban: read.counterpartyIban ?? supplementaryIban,
    description: read.description,
    endToEndId: read.endToEndId,
    transactionCode: `${kind}${code!.trim()}`,
    reversal: mark === "RC" || mark === "RD" || read.returned,
    batch: read.batch,
    bankReference: bankReference?.trim() ? bankReference.trim() : null,
    sourceLine: field.line,
  };
}

type Message = {
  reference: string;
  sequence: string | null;
  account: string;
  opening: Balance;
  closing: Balance;
  lines: ReadLine[];
};

function readMessages(fields: Field[]): Message[] {
  const messages: Message[] = [];
  let index = 0;
  while (index < fields.length) {
    const start = fields[index]!;
    if (start.tag !== "20") {
      index += 1;
      continue;
    }
    const message: Partial<Message> & { lines: ReadLine[] } = { reference: start.lines[0]!.trim(), sequence: null, lines: [] };
    index += 1;
    for (; index < fields.length && fields[index]!.tag !== "20"; index += 1) {
      const field = fields[index]!;
      if (field.tag === "25") message.account = field.lines.join("").trim();
      else if (field.tag === "28C" || field.tag === "28") message.sequence = field.lines[0]!.trim();
      else if (field.tag === "60F" || field.tag === "60M") message.opening = readBalance(field);
      else if (field.tag === "62F" || field.tag === "62M") message.closing = readBalance(field);
      else if (field.tag === "61") {
        if (!message.opening) throw new BankStatementError("bank.errors.missingTag", { line: field.line, value: ":60F:" });
        const next = fields[index + 1];
        const details = next?.tag === "86" ? next : null;
        message.lines.push(readStatementLine(field, message.opening.currency, details));
        if (details) index += 1;
      }
    }
    const missing = !message.account ? ":25:" : !message.opening ? ":60F:" : !message.closing ? ":62F:" : null;
    if (missing) throw new BankStatementError("bank.errors.missingTag", { line: start.line, value: missing });
    messages.push(message as Message);
  }
  return messages;
}

function checkBalance(message: Message): void {
  const total = message.lines.reduce((sum, line) => sum + line.amountCents, 0);
  if (message.opening.cents + total !== message.closing.cents) {
    const line = message.lines[message.lines.length - 1]?.sourceLine;
    throw new BankStatementError("bank.errors.balanceMismatch", { line, value: message.reference });
  }
}

/** The account of :25:: an IBAN (optionally followed by the currency) or a bare number. */
function accountOf(raw: string, bank: Mt940Bank): { iban: string | null; key: string } {
  const compact = raw.replace(/\s+/g, "").toUpperCase();
  const iban = normaliseIban(compact) ?? normaliseIban(compact.replace(/[A-Z]{3}$/, ""));
  if (iban) return { iban, key: iban };
  const number = compact.replace(/[A-Z]{3}$/, "").replace(/^[A-Z]+/, "");
  return { iban: /^\d{1,10}$/.test(number) ? dutchIbanFromAccountNumber(BANK_CODES[bank], number) : null, key: compact };
}

/** Reads every statement message of the file: one statement per account (:25:), combined when there are several. */
export function parseMt940(text: string, format: BankFormat, bank: Mt940Bank): BankStatement {
  const messages = readMessages(readFields(text));
  if (messages.length === 0) throw new BankStatementError("bank.errors.missingTag", { value: ":20:" });
  const byAccount = new Map<string, Message[]>();
  for (const message of messages) {
    checkBalance(message);
    const key = accountOf(message.account, bank).key;
    const same = byAccount.get(key);
    if (same) same.push(message);
    else byAccount.set(key, [message]);
  }
  return combineAccounts(
    [...byAccount.values()].map((own) => {
      const account = accountOf(own[0]!.account, bank);
      return { statement: accountStatement(own, account, format), account: account.iban ?? account.key };
    }),
  );
}

/** The messages of one account as one statement, in date order, with both ends' balances. */
function accountStatement(messages: Message[], account: { iban: string | null; key: string }, format: BankFormat): BankStatement {
  const ordered = [...messages].sort((a, b) => a.opening.date.localeCompare(b.opening.date));
  const firstMessage = ordered[0]!;
  const lastMessage = ordered[ordered.length - 1]!;
  const idOf = (message: Message) => (message.sequence ? `${message.reference}/${message.sequence}` : message.reference);
  const lines = ordered.flatMap((message) => message.lines.map(({ sourceLine: _sourceLine, ...line }) => line));
  const dates = lines.map((line) => line.bookingDate).sort();
  return buildStatement({
    format,
    accountIban: account.iban,
    accountKey: account.key,
    currency: firstMessage.opening.currency,
    statementId: messages.length === 1 ? idOf(firstMessage) : `${idOf(firstMessage)}..${idOf(lastMessage)}`,
    // The opening balance is dated on the previous statement's day, so the period starts at the
    // first booking; it ends on the closing balance's day.
    fromDate: dates[0] ?? firstMessage.closing.date,
    toDate: [lastMessage.closing.date, dates[dates.length - 1] ?? ""].sort().reverse()[0] ?? null,
    openingBalanceCents: firstMessage.opening.cents,
    closingBalanceCents: lastMessage.closing.cents,
    lines,
  });
}

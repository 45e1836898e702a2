// What every bank-statement format is read into: the statement and its lines, the same
// for CAMT.053, MT940 and each bank's CSV. The parsers (lib/features/bank/formats/) are pure: text
// in, this out; what becomes turnover is decided later (the candidates).

export const BANK_FORMATS = [
  "camt053",
  "mt940-ing",
  "mt940-rabobank",
  "mt940-abnamro",
  "csv-ing",
  "csv-rabobank",
  "csv-abnamro",
  "csv-bunq",
  "csv-knab",
  "csv-triodos",
] as const;
export type BankFormat = (typeof BANK_FORMATS)[number];

export type BankLine = {
  /**
   * The line's identity, stable across re-imports of the same statement (or an
   * overlapping one): the bank's own reference where the format has one (CAMT AcctSvcrRef,
   * MT940 bank reference, a CSV's transaction id), otherwise a hash of account, booking
   * date, amount, counterparty, description and its occurrence among identical lines.
   */
  externalId: string;
  /** Booking date, `yyyy-mm-dd`. */
  bookingDate: string;
  /** Value date (`yyyy-mm-dd`) when the format gives one. */
  valueDate: string | null;
  /** Signed amount in cents of `currency`: positive is money in (credit), negative out. */
  amountCents: number;
  /** ISO 4217 code of the account's booking. */
  currency: string;
  /** The instructed amount when the payment was made in another currency. */
  originalAmount: { amountCents: number; currency: string } | null;
  counterpartyName: string | null;
  /** Electronic format (no spaces, upper case), when it is a valid IBAN. */
  counterpartyIban: string | null;
  /** Remittance information and other free text, joined with spaces. */
  description: string;
  /** End-to-end id when the format carries one (not "NOTPROVIDED"). */
  endToEndId: string | null;
  /** The bank's transaction code (CAMT domain/family/sub-family, MT940 code, CSV code). */
  transactionCode: string | null;
  /** A reversal (storno) of an earlier booking. */
  reversal: boolean;
  /** Part of a batch booking: the batch's reference and how many transactions it held. */
  batch: { reference: string; count: number } | null;
  /**
   * Only in a file holding statements of several accounts: the account this line was booked
   * on (electronic IBAN, else the account number as the file writes it). Absent otherwise:
   * the line is the statement's `accountIban`.
   */
  accountIban?: string;
};

export type BankStatement = {
  format: BankFormat;
  /** The statement's own account, electronic format (with several accounts: the first; each line names its own). */
  accountIban: string | null;
  currency: string | null;
  /** The bank's id of this statement (CAMT Stmt/Id, MT940 :20:/:28C:), when given. */
  statementId: string | null;
  fromDate: string | null;
  toDate: string | null;
  /** Both balances are null when the file holds several accounts (each has its own). */
  openingBalanceCents: number | null;
  closingBalanceCents: number | null;
  lines: BankLine[];
};

/** A statement without its lines. */
export type StatementHead = Omit<BankStatement, "lines">;

/**
 * A statement read in pieces: first the accounts its lines may be booked on (with several
 * accounts, each line names its own; else none), then its lines in file order, a piece at
 * a time; the generator returns the rest of the statement.
 */
export type StatementPiece =
  | { kind: "start"; format: BankFormat; accountIban: string | null; accounts: string[] }
  | { kind: "lines"; lines: BankLine[] };

export type BankFormatParser = {
  format: BankFormat;
  /** Whether this text is in this format, from its content (not its file name). */
  detect(text: string): boolean;
  /** Throws BankStatementError for a file it cannot read. */
  parse(text: string): BankStatement;
  /** The same in pieces, for a format whose large files are read a part at a time (CAMT.053). */
  read?(text: string): Generator<StatementPiece, StatementHead>;
};

/** The whole statement from its pieces. */
export function collectPieces(pieces: Generator<StatementPiece, StatementHead>): BankStatement {
  const lines: BankLine[] = [];
  for (let step = pieces.next(); ; step = pieces.next()) {
    if (step.done) return { ...step.value, lines };
    if (step.value.kind === "lines") for (const line of step.value.lines) lines.push(line);
  }
}

/** A file Drempel cannot read, with an i18n key (messages: `bank.errors.*`) and where. */
export class BankStatementError extends Error {
  constructor(
    readonly key: string,
    readonly detail: { line?: number; value?: string } = {},
  ) {
    super(`${key}${detail.line ? ` (line ${detail.line})` : ""}`);
    this.name = "BankStatementError";
  }
}

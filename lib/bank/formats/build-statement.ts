// Turns the lines a format has read into a BankStatement: one identity per line (the
// bank's reference where it gave one, else the shared hash), and the period from the lines
// when the format does not state it.
import { createLineIdentities, identityFieldsOf } from "@/lib/bank/line-identity";
import { BankStatementError, type BankFormat, type BankLine, type BankStatement } from "@/lib/bank/statement.types";

export type DraftLine = Omit<BankLine, "externalId"> & {
  /** The bank's own reference for this booking, when the format carries one. */
  bankReference: string | null;
};

export type DraftStatement = {
  format: BankFormat;
  accountIban: string | null;
  /** What identifies the account in line ids when there is no valid IBAN (the raw number). */
  accountKey: string | null;
  currency: string | null;
  statementId: string | null;
  fromDate?: string | null;
  toDate?: string | null;
  openingBalanceCents: number | null;
  closingBalanceCents: number | null;
  lines: DraftLine[];
};

export function buildStatement(draft: DraftStatement): BankStatement {
  const identities = createLineIdentities();
  const account = draft.accountIban ?? draft.accountKey;
  const lines = draft.lines.map(
    ({ bankReference, ...line }): BankLine => ({
      ...line,
      externalId: bankReference
        ? identities.reference(account, bankReference, line.bookingDate, line.amountCents)
        : identities.hash(identityFieldsOf(account, line)),
    }),
  );
  const dates = lines.map((line) => line.bookingDate).sort();
  return {
    format: draft.format,
    accountIban: draft.accountIban,
    currency: draft.currency,
    statementId: draft.statementId,
    fromDate: draft.fromDate ?? dates[0] ?? null,
    toDate: draft.toDate ?? dates[dates.length - 1] ?? null,
    openingBalanceCents: draft.openingBalanceCents,
    closingBalanceCents: draft.closingBalanceCents,
    lines,
  };
}

/** Remembers the statement's account; a second account in one file is refused, with its line. */
export function singleAccount() {
  let account: string | null = null;
  return (value: string, line: number): string => {
    const key = value.replace(/\s+/g, "").toUpperCase();
    if (account === null) account = key;
    else if (account !== key) throw new BankStatementError("bank.errors.multipleAccounts", { line, value: value.slice(0, 40) });
    return key;
  };
}

/**
 * A file with statements of several accounts (a CAMT.053 with a Stmt per account, an MT940
 * with a :25: per account) as one statement: each line keeps its account in `accountIban`,
 * the period spans them all, and the balances, which are per account, are left out. One
 * statement is returned as it is.
 */
export function combineAccounts(statements: { statement: BankStatement; account: string }[]): BankStatement {
  const [first] = statements;
  if (!first) throw new BankStatementError("bank.errors.noStatement");
  if (statements.length === 1) return first.statement;
  const lines = statements.flatMap(({ statement, account }) =>
    statement.lines.map((line): BankLine => ({ ...line, accountIban: account })),
  );
  const froms = statements.map(({ statement }) => statement.fromDate).filter((date): date is string => !!date);
  const tos = statements.map(({ statement }) => statement.toDate).filter((date): date is string => !!date);
  return {
    ...first.statement,
    fromDate: froms.sort()[0] ?? null,
    toDate: tos.sort().reverse()[0] ?? null,
    openingBalanceCents: null,
    closingBalanceCents: null,
    lines,
  };
}

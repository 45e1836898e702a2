// Turns the lines a format has read into a BankStatement: one identity per line (the
// bank's reference where it gave one, else the shared hash), and the period from the lines
// when the format does not state it.
import { normaliseIban } from "@/lib/features/bank/formats/read-values";
import { createLineIdentities, identityFieldsOf } from "@/lib/features/bank/line-identity";
import { BankStatementError, type BankFormat, type BankLine, type BankStatement } from "@/lib/features/bank/statement.types";

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

/** One row of a bank's CSV export: the own account it names, its line, and what the format reads its balances from. */
export type AccountRow<Balance = null> = { account: string; line: DraftLine; balance: Balance };

export type AccountRowsOptions<Balance> = {
  /** The account's IBAN from the cell as written (default: the cell when it is a valid IBAN). */
  ibanOf?: (account: string) => string | null;
  /** The currency of a format that has no currency column (default: each account's first line's). */
  currency?: string;
  /** One account's opening and closing balance from its rows (default: none). */
  balances?: (rows: AccountRow<Balance>[]) => { opening: number | null; closing: number | null };
};

/**
 * The rows of a CSV export that names the own account on every row (a bank may export several
 * accounts in one file) as one statement per account, combined as combineAccounts does: each
 * line keeps its account. A file of one account is that account's statement, no line naming
 * an account, and each line's id is the one the account's own file gives.
 */
export function buildAccountRows<Balance>(
  format: BankFormat,
  rows: AccountRow<Balance>[],
  options: AccountRowsOptions<Balance> = {},
): BankStatement {
  const ibanOf = options.ibanOf ?? normaliseIban;
  const byAccount = new Map<string, AccountRow<Balance>[]>();
  for (const row of rows) {
    const key = row.account.replace(/\s+/g, "").toUpperCase();
    const same = byAccount.get(key);
    if (same) same.push(row);
    else byAccount.set(key, [row]);
  }
  const statementOf = (own: AccountRow<Balance>[]) => {
    const raw = own[0]?.account ?? null;
    const balances = options.balances?.(own) ?? { opening: null, closing: null };
    const accountIban = raw ? ibanOf(raw) : null;
    const statement = buildStatement({
      format,
      accountIban,
      accountKey: raw,
      currency: options.currency ?? own[0]?.line.currency ?? null,
      statementId: null,
      openingBalanceCents: balances.opening,
      closingBalanceCents: balances.closing,
      lines: own.map((row) => row.line),
    });
    return { statement, account: accountIban ?? raw?.replace(/\s+/g, "").toUpperCase() ?? "" };
  };
  if (byAccount.size === 0) return statementOf([]).statement;
  return combineAccounts([...byAccount.values()].map(statementOf));
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

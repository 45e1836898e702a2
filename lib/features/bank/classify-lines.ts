// What an imported bank line is for the books, decided without I/O: money out is only
// kept; money in is the payment of an invoice already registered (so it never counts
// twice), or not turnover for a reason the user can see (a transfer from one of the
// business's own accounts, a reversal, a refund, a private deposit, the counterparty's
// rule), or turnover when the counterparty's rule says so, else a candidate to review.
import type { BankLine } from "@/lib/features/bank/statement.types";

export type LineExclusion = "OWN_ACCOUNT" | "REVERSAL" | "REFUND" | "PRIVATE_DEPOSIT" | "COUNTERPARTY_RULE";

export type LineVerdict =
  | { status: "OUTGOING" }
  | { status: "CANDIDATE" }
  | { status: "MATCHED"; invoiceId: string }
  | { status: "EXCLUDED"; exclusion: LineExclusion }
  | { status: "RULE_TURNOVER"; ruleKey: string };

export type OpenInvoice = { id: string; number: string; date: string; grossCents: number; customerName: string };
export type CounterpartyRuleView = { key: string; decision: "TURNOVER" | "NOT_TURNOVER" };

export type ClassifyContext = {
  /** The business's own accounts: every statement account seen, electronic format. */
  ownAccounts: ReadonlySet<string>;
  /** Names of the business's people (a payment from them is a private deposit). */
  ownerNames: readonly string[];
  /** Invoices not yet paid by a bank line, any date. */
  openInvoices: readonly OpenInvoice[];
  /** Earlier money out, as `counterpartyKey|cents`: the same amount back is a refund. */
  earlierDebits: ReadonlySet<string>;
  rules: ReadonlyMap<string, CounterpartyRuleView>;
};

/** A counterparty's key for rules and refunds: its IBAN, else its name in lower case. */
export function counterpartyKey(line: Pick<BankLine, "counterpartyIban" | "counterpartyName">): string | null {
  if (line.counterpartyIban) return line.counterpartyIban;
  const name = normalizeName(line.counterpartyName ?? "");
  return name ? `name:${name}` : null;
}

const LEGAL_FORMS = /\b(b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|c\.?v\.?|inc\.?|ltd\.?|gmbh|bvba|sarl|llc)(?=\s|$)/g;

export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(LEGAL_FORMS, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function sameParty(a: string, b: string): boolean {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (!x || !y) return false;
  return x === y || (x.length >= 4 && y.includes(x)) || (y.length >= 4 && x.includes(y));
}

const REFUND_WORDS = /\b(refund|terugbetaling|restitutie|teruggave|terugstorting|retour(betaling)?|creditering|chargeback)\b/i;
const PRIVATE_WORDS = /\b(priv[eé]|eigen (geld|inleg|storting|bijdrage)|kapitaalstorting|inleg)(?![\p{L}\d])/iu;
// CAMT return and reversal sub-families (ISO 20022 bank transaction codes).
const RETURN_CODE = /\/(RRTN|RPCR|UPCT|ARET|AREV)$/;

/** Description tokens that may be invoice numbers. */
function tokens(description: string): Set<string> {
  return new Set(
    description
      .toUpperCase()
      .split(/[\s,;:()#"'[\]]+/)
      .map((t) => t.replace(/[.\-/]+$/, ""))
      .filter(Boolean),
  );
}

/** Finds invoices by number in a description, or by amount and customer name; each invoice once. */
export function invoiceMatcher(invoices: readonly OpenInvoice[]) {
  const byNumber = new Map<string, OpenInvoice>();
  const byGross = new Map<number, OpenInvoice[]>();
  for (const invoice of invoices) {
    byNumber.set(invoice.number.toUpperCase(), invoice);
    const same = byGross.get(invoice.grossCents);
    if (same) same.push(invoice);
    else byGross.set(invoice.grossCents, [invoice]);
  }
  const taken = new Set<string>();
  return (line: BankLine): OpenInvoice | null => {
    for (const token of tokens(line.description)) {
      const invoice = byNumber.get(token) ?? byNumber.get(token.replace(/^(FACTUUR|FACT|INVOICE|INV|NR|NO)[.:-]?/, ""));
      if (!invoice || taken.has(invoice.id)) continue;
      // A short all-digit number ("14") is too common in text to trust without the amount.
      if (/^\d{1,3}$/.test(invoice.number) && invoice.grossCents !== line.amountCents) continue;
      taken.add(invoice.id);
      return invoice;
    }
    if (!line.counterpartyName) return null;
    const byAmount = (byGross.get(line.amountCents) ?? [])
      .filter(
        (invoice) => !taken.has(invoice.id) && invoice.date <= line.bookingDate && sameParty(invoice.customerName, line.counterpartyName!),
      )
      .sort((a, b) => (a.date < b.date ? 1 : -1));
    const found = byAmount[0];
    if (!found) return null;
    taken.add(found.id);
    return found;
  };
}

// Lines classified between two turns of the event loop in the asynchronous form.
const LINES_PER_STEP = 1_000;

/** Classifies the lines of one statement in order; each verdict sits at its line's index. */
export function classifyLines(lines: readonly BankLine[], context: ClassifyContext): LineVerdict[] {
  const steps = classifySteps(lines, context);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** The same, giving the event loop a turn every thousand lines (a statement may hold 50,000). */
export async function classifyLinesAsync(lines: readonly BankLine[], context: ClassifyContext): Promise<LineVerdict[]> {
  const steps = classifySteps(lines, context);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function* classifySteps(lines: readonly BankLine[], context: ClassifyContext): Generator<void, LineVerdict[]> {
  const classifyOne = lineClassifier(context);
  const verdicts: LineVerdict[] = [];
  for (let i = 0; i < lines.length; i++) {
    verdicts.push(classifyOne(lines[i]!));
    if ((i + 1) % LINES_PER_STEP === 0) yield;
  }
  excludeReversalsInFile(lines, verdicts);
  return verdicts;
}

/**
 * Classifies one line after another in file order (an import that stores a statement's
 * lines while it is read): a verdict depends only on the lines before it. The reversals
 * in the same file are applied after the last line (excludeReversalsInFile).
 */
export function lineClassifier(context: ClassifyContext): (line: BankLine) => LineVerdict {
  const match = invoiceMatcher(context.openInvoices);
  const debits = new Set(context.earlierDebits);
  return function classifyOne(line: BankLine): LineVerdict {
    const key = counterpartyKey(line);
    if (line.amountCents <= 0) {
      if (key) debits.add(`${key}|${-line.amountCents}`);
      return { status: "OUTGOING" };
    }
    if (line.reversal || (line.transactionCode && RETURN_CODE.test(line.transactionCode)))
      return { status: "EXCLUDED", exclusion: "REVERSAL" };
    if (line.counterpartyIban && context.ownAccounts.has(line.counterpartyIban)) return { status: "EXCLUDED", exclusion: "OWN_ACCOUNT" };
    const invoice = match(line);
    if (invoice) return { status: "MATCHED", invoiceId: invoice.id };
    if (REFUND_WORDS.test(line.description) || (key && debits.has(`${key}|${line.amountCents}`)))
      return { status: "EXCLUDED", exclusion: "REFUND" };
    if (
      PRIVATE_WORDS.test(line.description) ||
      (line.counterpartyName && context.ownerNames.some((name) => normalizeName(name) === normalizeName(line.counterpartyName!)))
    ) {
      return { status: "EXCLUDED", exclusion: "PRIVATE_DEPOSIT" };
    }
    const rule = key ? context.rules.get(key) : undefined;
    if (rule?.decision === "NOT_TURNOVER") return { status: "EXCLUDED", exclusion: "COUNTERPARTY_RULE" };
    if (rule?.decision === "TURNOVER") return { status: "RULE_TURNOVER", ruleKey: rule.key };
    return { status: "CANDIDATE" };
  };
}

/**
 * A payment the bank took back in the same file is not turnover either: its verdict (at
 * the same index as its line) becomes a reversal. Answers the indices it changed.
 */
export function excludeReversalsInFile(lines: readonly BankLine[], verdicts: LineVerdict[]): number[] {
  const changed: number[] = [];
  lines.forEach((reversal, r) => {
    if (!reversal.reversal || reversal.amountCents >= 0) return;
    const key = counterpartyKey(reversal);
    const original = lines.findIndex(
      (line, i) =>
        i < r &&
        line.amountCents === -reversal.amountCents &&
        counterpartyKey(line) === key &&
        (verdicts[i]!.status === "CANDIDATE" || verdicts[i]!.status === "RULE_TURNOVER"),
    );
    if (original >= 0) {
      verdicts[original] = { status: "EXCLUDED", exclusion: "REVERSAL" };
      changed.push(original);
    }
  });
  return changed;
}

/** Reversals of money in whose payment is not in the same file: the import looks among earlier candidates. */
export function reversalsOfCredits(lines: readonly BankLine[]): { key: string | null; amountCents: number }[] {
  return lines
    .filter(
      (line, r) =>
        line.reversal &&
        line.amountCents < 0 &&
        !lines.some((other, i) => i < r && other.amountCents === -line.amountCents && counterpartyKey(other) === counterpartyKey(line)),
    )
    .map((line) => ({ key: counterpartyKey(line), amountCents: -line.amountCents }));
}

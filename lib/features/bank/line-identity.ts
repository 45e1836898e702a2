// The identity of a bank line that carries no reference of the bank's own: a hash of what
// the line says, plus its occurrence among identical lines, so that re-importing the same
// statement (or one that overlaps it) finds the same ids and two identical coffees on one
// day stay two lines. Every format uses this one rule; see BankLine.externalId.
import { createHash } from "node:crypto";
import type { BankLine } from "@/lib/features/bank/statement.types";

export type LineIdentityFields = {
  account: string | null;
  bookingDate: string;
  amountCents: number;
  counterparty: string | null;
  description: string;
};

/** Collapses what a re-export may change without changing the payment: case and spacing. */
function normalise(text: string | null): string {
  return (text ?? "").replace(/\s+/g, " ").trim().toUpperCase();
}

/** `h:` and 32 hex characters of SHA-256 over the fields and the occurrence number. */
export function lineIdentityHash(fields: LineIdentityFields, occurrence: number): string {
  const key = JSON.stringify([
    normalise(fields.account),
    fields.bookingDate,
    fields.amountCents,
    normalise(fields.counterparty),
    normalise(fields.description),
    occurrence,
  ]);
  return `h:${createHash("sha256").update(key).digest("hex").slice(0, 32)}`;
}

/**
 * Hands out hash ids in file order: the n-th line with the same fields gets occurrence n.
 * Keep one per statement; the order of identical lines is the bank's order in the file.
 */
export function createLineIdentities() {
  const seen = new Map<string, number>();
  return {
    hash(fields: LineIdentityFields): string {
      const key = lineIdentityHash(fields, 0);
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return occurrence === 0 ? key : lineIdentityHash(fields, occurrence);
    },
    /**
     * The bank's own reference, with the booking's date and amount: some banks number their
     * bookings per statement, and a number seen again on another day must not pass for a
     * line already imported. Made unique within the file should the bank repeat it.
     */
    reference(account: string | null, reference: string, bookingDate: string, amountCents: number): string {
      const key = `r:${normalise(account)}:${bookingDate}:${amountCents}:${reference.trim()}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return occurrence === 0 ? key : `${key}#${occurrence + 1}`;
    },
  };
}

/** The identity fields of a line read without an id yet. */
export function identityFieldsOf(account: string | null, line: Omit<BankLine, "externalId">): LineIdentityFields {
  return {
    account,
    bookingDate: line.bookingDate,
    amountCents: line.amountCents,
    counterparty: line.counterpartyIban ?? line.counterpartyName,
    description: line.description,
  };
}

// A bank line's identity when its format carries no reference of the bank's own: a hash
// of what the line says, plus how many identical lines came before it in the same file
// (two equal coffees on one day are two lines, and stay two on a re-import).
import { createHash } from "node:crypto";

export type LineFacts = {
  accountIban: string | null;
  bookingDate: string;
  amountCents: number;
  counterparty: string | null;
  description: string;
};

function factsKey(facts: LineFacts): string {
  return [facts.accountIban ?? "", facts.bookingDate, String(facts.amountCents), facts.counterparty ?? "", facts.description.replace(/\s+/g, " ").trim()].join("\u001f");
}

/** Hands out hashed identities, counting identical lines as it goes (one per file). */
export function lineHasher(): (facts: LineFacts) => string {
  const seen = new Map<string, number>();
  return (facts) => {
    const key = factsKey(facts);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return `h:${createHash("sha256").update(`${key}\u001f${occurrence}`).digest("hex").slice(0, 40)}`;
  };
}

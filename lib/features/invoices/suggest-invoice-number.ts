// The invoice number the form proposes: the business's highest number that ends in
// digits, incremented with its zero padding kept ("2026-007" → "2026-008").
import { db } from "@/lib/platform/db/client";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";

const TRAILING_DIGITS = /^(.*?)(\d+)$/;

/** Compares "2026-010" above "2026-9" and "2026-001" above "2025-120": digit runs numerically. */
export function compareNatural(a: string, b: string): number {
  const chunks = (value: string) => value.match(/\d+|\D+/g) ?? [];
  const left = chunks(a);
  const right = chunks(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]!;
    const y = right[i]!;
    const bothDigits = /^\d/.test(x) && /^\d/.test(y);
    const order = bothDigits ? compareDigitRuns(x, y) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

function compareDigitRuns(x: string, y: string): number {
  // Compared as strings without leading zeros, so a run of any length stays exact.
  const a = x.replace(/^0+/, "");
  const b = y.replace(/^0+/, "");
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "007" → "008", "099" → "100", "999" → "1000": decimal increment of a digit string. */
function incrementDigits(digits: string): string {
  const chars = digits.split("");
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] !== "9") {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join("");
    }
    chars[i] = "0";
  }
  return `1${chars.join("")}`;
}

/**
 * The next number after the highest existing one with a trailing digit run, skipping any
 * number already taken; `${year}-001` when there is none.
 */
export function nextInvoiceNumber(existing: readonly string[], year: number): string {
  const taken = new Set(existing);
  const numbered = existing.filter((number) => TRAILING_DIGITS.test(number));
  let candidate: string;
  if (numbered.length === 0) {
    candidate = `${year}-001`;
  } else {
    const highest = numbered.reduce((best, number) => (compareNatural(number, best) > 0 ? number : best));
    const [, prefix, digits] = highest.match(TRAILING_DIGITS)!;
    candidate = `${prefix}${incrementDigits(digits!)}`;
  }
  while (taken.has(candidate)) {
    const [, prefix, digits] = candidate.match(TRAILING_DIGITS)!;
    candidate = `${prefix}${incrementDigits(digits!)}`;
  }
  return candidate;
}

export async function suggestInvoiceNumber(options: { caller: Caller; businessId: string; year: number }): Promise<string> {
  await requireBusinessAccess({ caller: options.caller, businessId: options.businessId, need: "read" });
  // Deleted invoices keep their number (soft delete), so they are taken too.
  const rows = await db().invoice.findMany({ where: { businessId: options.businessId }, select: { number: true } });
  return nextInvoiceNumber(
    rows.map((row) => row.number),
    options.year,
  );
}

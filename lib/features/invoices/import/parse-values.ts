// Reading amounts and dates the way Dutch bookkeeping exports write them, as well as ISO:
// "1.234,56", "€ -12,50", "(12,50)", "1234.56"; "31-12-2026", "31/12/2026", "2026-12-31".

/** Euro text to integer cents, or null when it is not an amount with at most 2 decimals. */
export function parseAmountToCents(raw: string): number | null {
  let text = raw.trim().replace(/\s|\u00a0|€|EUR/gi, "");
  if (!text) return null;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.endsWith("-")) {
    negative = true;
    text = text.slice(0, -1);
  }
  if (text.startsWith("-")) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith("+")) text = text.slice(1);
  if (!/^[\d.,]+$/.test(text)) return null;

  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  let integer: string;
  let fraction = "";
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the later one is the decimal separator, the other groups thousands.
    const decimal = lastComma > lastDot ? "," : ".";
    const group = decimal === "," ? "." : ",";
    const [int, frac = ""] = text.split(decimal);
    if (text.split(decimal).length > 2) return null;
    integer = int!.split(group).join("");
    fraction = frac;
  } else if (lastComma >= 0) {
    // Only commas: Dutch decimal comma ("12,50"); several commas cannot be an amount.
    const parts = text.split(",");
    if (parts.length > 2) return null;
    integer = parts[0]!;
    fraction = parts[1]!;
  } else if (lastDot >= 0) {
    const parts = text.split(".");
    // "1.234" and "1.234.567" group thousands (Dutch); "12.5" and "12.50" are decimals.
    if (parts.length > 2 || parts[parts.length - 1]!.length === 3) {
      if (!parts.slice(1).every((part) => part.length === 3)) return null;
      integer = parts.join("");
    } else {
      integer = parts[0]!;
      fraction = parts[1]!;
    }
  } else {
    integer = text;
  }
  if (!/^\d+$/.test(integer || "0") || !/^\d{0,2}$/.test(fraction)) return null;
  const cents = Number(integer || "0") * 100 + Number(fraction.padEnd(2, "0") || "0");
  if (!Number.isSafeInteger(cents)) return null;
  return negative ? -cents : cents;
}

function validDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** A calendar date as YYYY-MM-DD, or null. Day-first for the Dutch forms. */
export function parseDate(raw: string): string | null {
  const text = raw.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) return validDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (match) return validDate(Number(match[3]), Number(match[2]), Number(match[1]));
  return null;
}

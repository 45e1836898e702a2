// Reading the values every statement format has: amounts to exact integer cents, dates to
// `yyyy-mm-dd`, IBANs to their electronic form. Pure string work, no floating point.
import { composeIBAN, electronicFormatIBAN, isValidIBAN } from "ibantools";
import { BankStatementError } from "@/lib/features/bank/statement.types";

/** How a format writes its decimal mark: fixed, or recognised per value. */
export type DecimalMark = "," | "." | "auto";

function digitsToCents(integer: string, fraction: string): number | null {
  if (!/^\d+$/.test(integer) || !/^\d*$/.test(fraction)) return null;
  // Bank amounts have at most two decimals; more is only acceptable as trailing zeros.
  if (fraction.length > 2 && !/^0+$/.test(fraction.slice(2))) return null;
  const cents = Number(integer) * 100 + Number(fraction.slice(0, 2).padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

function splitOnMark(body: string, mark: "," | "."): number | null {
  const thousands = mark === "," ? "." : ",";
  const at = body.lastIndexOf(mark);
  const integerPart = at === -1 ? body : body.slice(0, at);
  const fraction = at === -1 ? "" : body.slice(at + 1);
  if (at !== -1 && fraction.includes(thousands)) return null;
  let integer = integerPart;
  if (integerPart.includes(thousands)) {
    // Thousands groups must be groups of three: "1.234.567", never "12.34".
    if (!new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+$`).test(integerPart)) return null;
    integer = integerPart.split(thousands).join("");
  }
  if (integer === "" && fraction === "") return null;
  return digitsToCents(integer === "" ? "0" : integer, fraction);
}

/**
 * A signed decimal amount to cents: "1.234,56", "-12,5", "+1149,50", "1,234.56", "5,".
 * With "auto" the mark is the last of "," and "." unless it is followed by exactly three
 * digits and stands alone (a thousands separator: bank amounts always show cents or none).
 * Returns null for anything that is not exactly an amount.
 */
export function parseAmountCents(raw: string, mark: DecimalMark): number | null {
  let text = raw.replace(/[\s\u00a0\u202f']/g, "");
  let sign = 1;
  if (/^[+-]/.test(text)) {
    sign = text.startsWith("-") ? -1 : 1;
    text = text.slice(1);
  } else if (/[+-]$/.test(text)) {
    sign = text.endsWith("-") ? -1 : 1;
    text = text.slice(0, -1);
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  let decimal: "," | ".";
  if (mark !== "auto") decimal = mark;
  else {
    const lastComma = text.lastIndexOf(",");
    const lastDot = text.lastIndexOf(".");
    if (lastComma === -1 && lastDot === -1) decimal = ",";
    else if (lastComma !== -1 && lastDot !== -1) decimal = lastComma > lastDot ? "," : ".";
    else {
      const only = lastComma !== -1 ? "," : ".";
      const occurrences = text.split(only).length - 1;
      const after = text.length - text.lastIndexOf(only) - 1;
      decimal = occurrences > 1 || after === 3 ? (only === "," ? "." : ",") : only;
    }
  }
  const cents = splitOnMark(text, decimal);
  return cents === null ? null : sign * cents || 0;
}

/** Like parseAmountCents, but a statement error naming the line when it is no amount. */
export function requireAmountCents(raw: string, mark: DecimalMark, line: number): number {
  const cents = parseAmountCents(raw, mark);
  if (cents === null) throw new BankStatementError("bank.errors.invalidAmount", { line, value: raw.slice(0, 40) });
  return cents;
}

/** A calendar date from its parts, or null when no such day exists. */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "20260131", "2026-01-31", "31-01-2026", "31/01/2026", "31.01.2026" to `yyyy-mm-dd`. */
export function parseDate(raw: string): string | null {
  const text = raw.trim();
  let match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
  if (match) return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (match) return calendarDate(Number(match[3]), Number(match[2]), Number(match[1]));
  return null;
}

export function requireDate(raw: string, line: number): string {
  const date = parseDate(raw);
  if (!date) throw new BankStatementError("bank.errors.invalidDate", { line, value: raw.slice(0, 40) });
  return date;
}

/** The electronic form of a valid IBAN ("NL91ABNA0417164300"), else null. */
export function normaliseIban(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const electronic = electronicFormatIBAN(raw.trim());
  return electronic && isValidIBAN(electronic) ? electronic : null;
}

/**
 * A Dutch IBAN from a bank's old account number (what ABN AMRO's TXT export and old MT940
 * files still give): the bank code and the number padded to ten digits, with check digits.
 */
export function dutchIbanFromAccountNumber(bankCode: string, accountNumber: string): string | null {
  const digits = accountNumber.trim().replace(/^0+/, "");
  if (!/^\d{1,10}$/.test(digits)) return null;
  const composed = composeIBAN({ countryCode: "NL", bban: `${bankCode}${digits.padStart(10, "0")}` });
  return composed && isValidIBAN(composed) ? composed : null;
}

/** Collapses runs of white space and trims; what every description goes through. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** The text without a byte-order mark and with its lines split on any line ending. */
export function textLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
}

/** An ISO 4217 code ("EUR"); an empty cell is the format's default. */
export function requireCurrency(raw: string, fallback: string, line: number): string {
  const code = raw.trim().toUpperCase() || fallback;
  if (!/^[A-Z]{3}$/.test(code)) throw new BankStatementError("bank.errors.malformedLine", { line, value: raw.slice(0, 40) });
  return code;
}

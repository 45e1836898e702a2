// The one writer of every CSV file the product produces (invoice export, remediation,
// turnover statement, accountant overview). Each cell goes through csvCell: a spreadsheet
// runs a cell that starts with =, +, -, @, a tab or a carriage return as a formula (CSV
// injection, e.g. `=HYPERLINK(…)` in a customer's name), so such text gets a leading
// apostrophe, which spreadsheets show as text. A plain number ("-12.50", -1250) is
// written as it is: a spreadsheet reads it as a number, never as a formula.
import Papa from "papaparse";

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = String(value);
  if (PLAIN_NUMBER.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A CSV document: a header row of `columns`, then `rows`, every cell through csvCell, CRLF line ends. */
export function writeCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return Papa.unparse({ fields: columns.map(csvCell), data: rows.map((row) => row.map(csvCell)) }, { newline: "\r\n" });
}

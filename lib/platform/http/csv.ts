// The one writer of every CSV file the product produces (invoice export, remediation,
// turnover statement, accountant overview). Each cell goes through csvCell: a spreadsheet
// runs a cell that starts with =, +, -, @, a tab or a carriage return as a formula (CSV
// injection, e.g. `=HYPERLINK(…)` in a customer's name), so such text gets a leading
// apostrophe, which spreadsheets show as text. A plain number ("-12.50", "-12,50", -1250)
// is written as it is: a spreadsheet reads it as a number, never as a formula. Text that
// itself starts with an apostrophe gets one more (a spreadsheet hides the first), so
// readCsvCell gives back exactly the text that was written.
import Papa from "papaparse";

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = String(value);
  if (PLAIN_NUMBER.test(text)) return text;
  return FORMULA_START.test(text) || text.startsWith("'") ? `'${text}` : text;
}

/** The text csvCell was given: its escaping apostrophe taken off again. */
export function readCsvCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/** Dutch Excel: semicolons between cells (Excel's list separator under nl-NL). */
export type CsvDialect = "standard" | "excel-nl";

/** A CSV document: a header row of `columns`, then `rows`, every cell through csvCell, CRLF line ends. */
export function writeCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[], dialect: CsvDialect = "standard"): string {
  return Papa.unparse(
    { fields: columns.map(csvCell), data: rows.map((row) => row.map(csvCell)) },
    { newline: "\r\n", delimiter: dialect === "excel-nl" ? ";" : "," },
  );
}

// Reading a bank's CSV export with papaparse: the records as arrays of cells, the header
// row found by its column names, and errors that name the line.
import Papa from "papaparse";
import { BankStatementError } from "@/lib/features/bank/statement.types";

export type CsvRecord = { cells: string[]; line: number };

/**
 * The first line that is not empty (or the one `skip` non-empty lines further), without a
 * byte-order mark. Reads only as far as it needs: every parser's detect calls it.
 */
export function firstLine(text: string, skip = 0): string {
  let start = text.startsWith("\uFEFF") ? 1 : 0;
  let remaining = skip;
  while (start < text.length) {
    const end = text.slice(start, start + 64 * 1024).search(/\r|\n/);
    const stop = end === -1 ? Math.min(text.length, start + 64 * 1024) : start + end;
    const line = text.slice(start, stop);
    if (end === -1 && stop < text.length) return line; // a first line longer than 64 KB: no bank header
    if (line.trim() !== "") {
      if (remaining === 0) return line;
      remaining -= 1;
    }
    start = stop + 1;
  }
  return "";
}

/** The cells of one line (quotes removed), for recognising a header. */
export function cellsOf(line: string, delimiter: string): string[] {
  const parsed = Papa.parse<string[]>(line, { delimiter, skipEmptyLines: true });
  return (parsed.data[0] ?? []).map((cell) => cell.trim());
}

/** The delimiter that splits this header line into the most cells: ";", "," or tab. */
export function guessDelimiter(line: string): string {
  const candidates = [";", ",", "\t"];
  return candidates.reduce((best, candidate) => (cellsOf(line, candidate).length > cellsOf(line, best).length ? candidate : best));
}

/** Column names in a comparable form: lower case, single spaces. */
export function columnName(cell: string): string {
  return cell.replace(/\s+/g, " ").trim().toLowerCase();
}

/** Whether every one of `required` is a column of this header. */
export function hasColumns(header: string[], required: string[]): boolean {
  const names = new Set(header.map(columnName));
  return required.every((name) => names.has(name));
}

/** Every record of the file with the line it starts on (blank lines skipped). */
export function readRecords(text: string, delimiter: string): CsvRecord[] {
  const clean = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const records: CsvRecord[] = [];
  let counted = 0;
  let line = 1;
  let previousCursor = 0;
  Papa.parse<string[]>(clean, {
    delimiter,
    newline: "\n",
    skipEmptyLines: "greedy",
    step: (result) => {
      let start = previousCursor;
      previousCursor = result.meta.cursor;
      while (start < clean.length && clean[start] === "\n") start += 1;
      for (; counted < start; counted += 1) if (clean[counted] === "\n") line += 1;
      if (result.errors.some((error) => error.type === "Quotes")) {
        throw new BankStatementError("bank.errors.malformedLine", { line });
      }
      records.push({ cells: result.data.map((cell) => cell.trim()), line });
    },
  });
  return records;
}

/** A header's column positions by name; a missing required column is a statement error. */
export function columnsOf<Key extends string>(header: CsvRecord, names: Record<Key, string[]>, optional: NoInfer<Key>[] = []) {
  const positions = new Map(header.cells.map((cell, index) => [columnName(cell), index]));
  const columns = {} as Record<Key, number>;
  for (const key of Object.keys(names) as Key[]) {
    const index = names[key].map((name) => positions.get(name)).find((position) => position !== undefined);
    if (index === undefined && !optional.includes(key)) {
      throw new BankStatementError("bank.errors.missingColumn", { line: header.line, value: names[key][0] });
    }
    columns[key] = index ?? -1;
  }
  return {
    columns,
    /** The cell of a record in this column ("" when the record is short or the column absent). */
    cell(record: CsvRecord, key: Key): string {
      const index = columns[key];
      return index < 0 ? "" : (record.cells[index] ?? "");
    },
  };
}

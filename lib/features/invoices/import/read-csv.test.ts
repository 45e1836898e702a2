// The CSV reader gives the event loop turns while it parses a large file (issue #17: a
// 200,000-row upload stalled every other request), and reads what it read before.
import { describe, expect, it } from "vitest";
import { csvCell, readCsvCell, writeCsv } from "@/lib/platform/http/csv";
import { readCsv } from "@/lib/features/invoices/import/read-csv";

describe("readCsv", () => {
  it("lets other work run while a 100,000-row file is parsed", async () => {
    const text = `number;date;customer;net\n${Array.from({ length: 100_000 }, (_, i) => `N-${i};01-02-2026;"Klant; ${i}";12,50`).join("\n")}`;
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    const parsing = readCsv(text);
    const table = await parsing;
    clearInterval(timer);
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows[99_999]).toEqual(["N-99999", "01-02-2026", "Klant; 99999", "12,50"]);
    expect(turns).toBeGreaterThan(0);
  });

  it("reads quoted cells that span a slice boundary and both separators", async () => {
    const long = "x".repeat(70_000);
    const table = await readCsv(`a,b\n"${long}\n${long}",2\n`);
    expect(table.rows).toEqual([[`${long}\n${long}`, "2"]]);
    expect((await readCsv("\uFEFFa;b\n1,5;2\n")).rows).toEqual([["1,5", "2"]]);
  });
});

describe("csvCell and readCsvCell", () => {
  it("give back exactly the text that was written, formula escapes and apostrophes included", () => {
    for (const text of ["=SUM(1)", "'=SUM(1)", "''x", "'", "-korting", "@home", "+31", "plain", "-12.50", "-12,50"]) {
      const cell = csvCell(text);
      expect(/^[=+@]/.test(cell) || (/^-/.test(cell) && !/^-\d+([.,]\d+)?$/.test(cell))).toBe(false);
      expect(readCsvCell(cell)).toBe(text);
    }
    expect(writeCsv(["a", "b"], [["1,5", "x"]], "excel-nl")).toBe("a;b\r\n1,5;x");
  });
});

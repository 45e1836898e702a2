// CSV injection (formula injection) in every CSV the product writes. Every route that
// answers a CSV file is found in app/ and must be listed here with the writer behind it;
// each writer is fed text starting with =, +, -, @, a tab and a carriage return (invoice
// numbers, customer names and VAT ids, descriptions, a business's name), and no cell of
// its output may start a formula, while plain numbers (negative amounts) stay numbers.
// A static check keeps every CSV going through the one writer (lib/platform/http/csv.ts).
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { ClientRow } from "@/lib/features/accountant/accountant.types";
import { overviewCsv } from "@/lib/features/accountant/overview-csv";
import { exportRemediation } from "@/lib/features/dashboard/export-remediation";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { exportQuarterlyReports } from "@/lib/features/eu-kor/get-quarterly-reports";
import { exportIcpOss } from "@/lib/features/eu-kor/get-icp-oss";
import { exportInvoicesCsv } from "@/lib/features/invoices/export-invoices-csv";
import { exportTurnoverStatement } from "@/lib/features/turnover/export-turnover-statement";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { ROOT } from "@/test/security/app-routes";

const PAYLOADS = [
  '=HYPERLINK("http://evil.example/phish","Klik")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "+31 6 1234 5678",
  "-2+3+cmd|' /C calc'!A0",
  "\t=1+2",
  "\r=1+3",
  "=cmd|' /C notepad'!A1",
];
const payloadNumber = (text: string) => text.slice(0, 40);
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Every cell of a CSV document that a spreadsheet would run as a formula. */
function formulaCells(csv: string): string[] {
  const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: true }).data;
  return rows.flat().filter((cell) => FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell));
}

const CSV_ROUTES: Record<string, string> = {
  "app/(app)/businesses/[businessId]/invoices/export/route.ts": "exportInvoicesCsv",
  "app/(app)/businesses/[businessId]/invoices/remediation/route.ts": "exportRemediation",
  "app/(app)/businesses/[businessId]/invoices/statement/route.ts": "exportTurnoverStatement",
  "app/(app)/accountant/export/route.ts": "overviewCsv",
  "app/(app)/businesses/[businessId]/invoices/eu-kor-report/route.ts": "exportQuarterlyReports",
  "app/(app)/businesses/[businessId]/invoices/icp-oss-report/route.ts": "exportIcpOss",
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Routes that read CSV uploads and write none. */
const CSV_READERS = ["app/api/v1/businesses/[businessId]/invoices/import", "app/api/v1/businesses/[businessId]/purchases/import"];

describe("the CSV files the product writes", () => {
  it("are all known here, and all written by lib/platform/http/csv.ts", () => {
    const files = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "lib"))];
    const rel = (file: string) => path.relative(ROOT, file);
    const csvRoutes = files.filter(
      (file) =>
        /route\.ts$/.test(file) &&
        /csvDownload|text\/csv/.test(fs.readFileSync(file, "utf8")) &&
        !CSV_READERS.some((reader) => rel(file).startsWith(reader)),
    );
    expect(csvRoutes.map(rel).sort()).toEqual(Object.keys(CSV_ROUTES).sort());
    for (const [route, writer] of Object.entries(CSV_ROUTES)) expect(fs.readFileSync(path.join(ROOT, route), "utf8")).toContain(writer);
    const ownWriters = files
      .filter((file) => /\bunparse\s*\(|\.join\(\s*["'],["']\s*\)\s*\+?\s*["']\\r?\\n/.test(fs.readFileSync(file, "utf8")))
      .map(rel);
    expect(ownWriters).toEqual(["lib/platform/http/csv.ts"]);
  });

  describe("with text that starts a formula", () => {
    let owner: { id: string };
    let businessId: string;

    beforeAll(async () => {
      owner = await createUser("csv");
      businessId = (await createOwnedBusiness(owner.id, "Formule BV")).id;
      const caller = { userId: owner.id };
      // The first invoice crosses the €20,000 limit; every later one is in the remediation list.
      await createInvoice({
        caller,
        businessId,
        input: {
          number: "2025-000",
          date: "2025-01-02",
          customer: { name: "Groot BV" },
          category: "NL_STANDARD",
          netCents: 2_100_000,
          vatCents: 0,
        },
      });
      let day = 10;
      for (const payload of PAYLOADS) {
        const number = payload.slice(0, 40);
        await createInvoice({
          caller,
          businessId,
          input: {
            number,
            date: `2025-03-${day++}`,
            customer: { name: payload, country: "NL", type: "business" },
            description: payload,
            category: "NL_STANDARD",
            netCents: 10_000,
            vatCents: 0,
          },
        });
      }
      // A credit note: a negative amount, which must stay a number.
      await createInvoice({
        caller,
        businessId,
        input: {
          number: "2025-CN",
          date: "2025-04-01",
          customer: { name: "Groot BV" },
          category: "NL_STANDARD",
          netCents: -5_000,
          vatCents: 0,
        },
      });
    });

    it("the invoice export neutralises every cell and keeps negative amounts numbers", async () => {
      const csv = await exportInvoicesCsv({ caller: { userId: owner.id }, businessId, query: {} });
      expect(csv).toContain("HYPERLINK");
      expect(formulaCells(csv)).toEqual([]);
    });

    it("the remediation CSV neutralises every invoice number and customer name", async () => {
      const csv = await exportRemediation({ caller: { userId: owner.id }, businessId, year: 2025 });
      expect(csv).toContain("HYPERLINK");
      expect(csv).toContain("@SUM");
      expect(formulaCells(csv)).toEqual([]);
    });

    it("the turnover statement neutralises every cell", async () => {
      const csv = await exportTurnoverStatement({ caller: { userId: owner.id }, businessId, year: "2025", language: "nl" });
      expect(formulaCells(csv)).toEqual([]);
    });

    it("the EU-KOR quarterly report has only quarters, dates, member states, amounts and its rule: no formula cell", async () => {
      const csv = await exportQuarterlyReports({ caller: { userId: owner.id }, businessId, year: "2025" });
      expect(Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.length).toBeGreaterThan(1);
      expect(formulaCells(csv)).toEqual([]);
    });

    it("the ICP/OSS figures neutralise customer names and invoice numbers (VAT numbers are validated on entry), and keep credit notes numbers", async () => {
      const caller = { userId: owner.id };
      let day = 10;
      for (const payload of PAYLOADS) {
        await createInvoice({
          caller,
          businessId,
          input: {
            number: `icp${payload.slice(0, 30)}`,
            date: `2025-05-${day++}`,
            customer: { name: payload, country: "DE", type: "business", vatId: `DE${100_000_000 + day}` },
            category: "EU_B2B_GOODS",
            netCents: 10_000,
            vatCents: 0,
          },
        });
      }
      await createInvoice({
        caller,
        businessId,
        input: {
          number: payloadNumber("=oss"),
          date: "2025-06-01",
          customer: { name: "=Kunde" },
          category: "EU_B2C_FOREIGN_VAT",
          country: "DE",
          netCents: -2_000,
          vatCents: -380,
        },
      });
      const csv = await exportIcpOss({ caller, businessId, year: "2025" });
      expect(csv).toContain("HYPERLINK");
      expect(csv).toContain("-380");
      expect(formulaCells(csv)).toEqual([]);
    });

    it("the accountant overview neutralises a client's name and KVK field, and keeps negative amounts numbers", () => {
      const row = (name: string, countedCents: number): ClientRow => ({
        businessId: "00000000-0000-4000-8000-000000000001",
        name,
        kvkNumber: name,
        access: "READ_ONLY",
        countedCents,
        limitCents: 2_000_000,
        percent: countedCents / 20_000,
        status: "safe",
        crossingDate: null,
        union: null,
        nextDeadline: null,
        deadlinesThisWeek: 0,
        lastInvoiceDate: null,
        openAlerts: 0,
      });
      const csv = overviewCsv([...PAYLOADS.map((payload) => row(payload, 100)), row("Min BV", -12_345)]);
      expect(formulaCells(csv)).toEqual([]);
      const parsed = Papa.parse<Record<string, string>>(csv, { header: true }).data;
      expect(parsed.at(-1)).toMatchObject({ name: "Min BV", counted_turnover_eur: "-123.45" });
      expect(parsed[0]!.name).toBe(`'${PAYLOADS[0]}`);
    });
  });
});

// The CSV import against PostgreSQL with the shipped example files.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { commitImport, previewImport } from "@/lib/invoices/import/import-invoices";
import type { BusinessDto } from "@/lib/businesses/business-dto";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

const fixture = (name: string) => fs.readFileSync(path.join(process.cwd(), "e2e/fixtures", name), "utf8");
let owner: { id: string };
let outsider: { id: string };
let business: BusinessDto;
const counts = async () => ({
  invoices: await db().invoice.count({ where: { businessId: business.id } }),
  audit: await db().auditLog.count({ where: { businessId: business.id, entityType: "Invoice" } }),
});

beforeEach(async () => {
  owner = await createUser("import");
  outsider = await createUser("outsider");
  business = await createOwnedBusiness(owner.id, "Import BV");
});

describe("CSV import", () => {
  it("says per new row whether it must carry VAT, the rows placed in the books together (issue #16)", async () => {
    const csv = [
      "number,date,customerName,netAmount,vatAmount",
      "2026-201,2026-03-01,Klant A,19500.00,0",
      "2026-202,2026-11-20,Klant B,1000.00,0",
      "2026-203,2026-11-25,Klant C,500.00,105.00",
    ].join("\n");
    const preview = await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv });
    expect(preview.rows.map((row) => [row.number, row.vat?.status, row.vat?.mustChargeVat, row.vat?.missingVat])).toEqual([
      ["2026-201", "participating", false, false],
      ["2026-202", "crossing", true, true],
      ["2026-203", "afterCrossing", true, false],
    ]);
    expect(preview.rows[1]!.vat).toMatchObject({
      ratePercent: 21,
      reason: { nl: "Deze factuur brengt je omzet boven € 20.000: vanaf deze factuur reken je btw." },
      remediation: { reinvoiceVatCents: 21_000, absorbedVatCents: 17_355 },
    });
    expect(preview.summary.missingVat).toBe(1);
  });

  it("refuses an outsider (not found) for preview and commit, and writes nothing", async () => {
    const csv = fixture("invoices-basic.csv");
    await expect(previewImport({ caller: { userId: outsider.id }, businessId: business.id, csv })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(commitImport({ caller: { userId: outsider.id }, businessId: business.id, csv })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual({ invoices: 0, audit: 0 });
  });

  it("names the row and column of a NUL or control character, in preview and commit, and imports nothing", async () => {
    const csv = ["number,date,customer,description,net", "N-1,2026-01-15,Klant BV,Werk,100.00", "N-2\u0000,2026-01-16,Klant BV,Werk,100.00", "N-3,2026-01-17,Klant\u001b BV,We\u0000rk,100.00"].join("\n");
    const preview = await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv });
    expect(preview.rows.map((row) => [row.line, row.status, row.errors])).toEqual([
      [2, "new", {}],
      [3, "error", { number: "validation.invalidCharacters" }],
      [4, "error", { customerName: "validation.invalidCharacters", description: "validation.invalidCharacters" }],
    ]);
    await expect(commitImport({ caller: { userId: owner.id }, businessId: business.id, csv })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { "rows.3.number": "validation.invalidCharacters", "rows.4.customerName": "validation.invalidCharacters", "rows.4.description": "validation.invalidCharacters" },
    });
    const header = "number,date,customer\u0000,net\nN-1,2026-01-15,Klant BV,100.00";
    await expect(previewImport({ caller: { userId: owner.id }, businessId: business.id, csv: header })).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { file: "validation.csvHeaderInvalidCharacters" } });
    expect(await counts()).toEqual({ invoices: 0, audit: 0 });
  });

  it("imports our own format, counts per the rules, and is idempotent", async () => {
    const csv = fixture("invoices-basic.csv");
    const preview = await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv });
    expect(preview.summary).toEqual({ total: 5, new: 5, existing: 0, errors: 0, newNetCents: 790050, newKorCents: 590050, missingVat: 0 });
    expect(preview.rows.map((row) => row.countsForKor)).toEqual([true, true, true, true, false]);
    expect(await counts()).toEqual({ invoices: 0, audit: 0 });

    await expect(commitImport({ caller: { userId: owner.id }, businessId: business.id, csv })).resolves.toMatchObject({ created: 5, skipped: 0, total: 5 });
    expect(await counts()).toEqual({ invoices: 5, audit: 5 });
    const services = await db().invoice.findFirstOrThrow({ where: { businessId: business.id, number: "2026-105" } });
    expect(services).toMatchObject({ category: "EU_B2B_SERVICES", netCents: 200000, customerName: "Designbüro Berlin GmbH" });

    await expect(commitImport({ caller: { userId: owner.id }, businessId: business.id, csv })).resolves.toMatchObject({ created: 0, skipped: 5 });
    expect(await counts()).toEqual({ invoices: 5, audit: 5 });
    const again = await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv });
    expect(again.summary).toMatchObject({ new: 0, existing: 5 });
  });

  it("reads a Moneybird export: semicolons, Dutch amounts and dates, a credit note", async () => {
    const csv = fixture("moneybird-verkoopfacturen.csv");
    const preview = await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv });
    expect(preview.mapping.columns).toMatchObject({ number: "Factuurnummer", date: "Factuurdatum", customerName: "Contact", netAmount: "Totaal excl. btw", vatAmount: "Btw", grossAmount: "Totaal incl. btw" });
    expect(preview.rows.map((row) => [row.date, row.netCents, row.vatCents])).toEqual([
      ["2026-01-05", 115000, 24150],
      ["2026-02-14", 87525, 18380],
      ["2026-03-03", 240000, 50400],
      ["2026-03-28", -15000, -3150],
    ]);
    await commitImport({ caller: { userId: owner.id }, businessId: business.id, csv });
    const credit = await db().invoice.findFirstOrThrow({ where: { businessId: business.id, number: "2026-0004" } });
    expect(credit).toMatchObject({ kind: "CREDIT_NOTE", netCents: -15000 });
  });

  it("reads an e-Boekhouden export and takes the category from the VAT rate", async () => {
    const csv = fixture("e-boekhouden-export.csv");
    await commitImport({ caller: { userId: owner.id }, businessId: business.id, csv });
    const rows = await db().invoice.findMany({ where: { businessId: business.id }, orderBy: { number: "asc" } });
    expect(rows.map((row) => [row.number, row.category, row.netCents, row.vatCents])).toEqual([
      ["F-0101", "NL_STANDARD", 60000, 12600],
      ["F-0102", "NL_REDUCED", 30000, 2700],
      ["F-0103", "NL_REVERSE_CHARGE", 100000, 0],
    ]);
  });

  it("commits nothing when any row is wrong, and names each problem by line and column", async () => {
    const csv = fixture("broken-rows.csv");
    const preview = await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv });
    expect(preview.rows.map((row) => [row.line, row.status, row.errors])).toEqual([
      [2, "new", {}],
      [3, "error", { date: "validation.date" }],
      [4, "error", { category: "validation.category" }],
      [5, "error", { customerName: "validation.required" }],
      [6, "error", { netAmount: "validation.amount" }],
      [7, "error", { country: "validation.countryRequired" }],
      [8, "error", { number: "validation.duplicateInFile" }],
    ]);
    await expect(commitImport({ caller: { userId: owner.id }, businessId: business.id, csv })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { "rows.3.date": "validation.date", "rows.8.number": "validation.duplicateInFile" },
    });
    expect(await counts()).toEqual({ invoices: 0, audit: 0 });
  });

  it("refuses a file without rows or with unmapped required columns, writing nothing", async () => {
    await expect(commitImport({ caller: { userId: owner.id }, businessId: business.id, csv: "" })).rejects.toMatchObject({ fields: { file: "validation.csvEmpty" } });
    const headerOnly = await commitImport({ caller: { userId: owner.id }, businessId: business.id, csv: fixture("header-only.csv") });
    expect(headerOnly).toMatchObject({ created: 0, total: 0 });
    await expect(
      commitImport({ caller: { userId: owner.id }, businessId: business.id, csv: "a,b\n1,2\n" }),
    ).rejects.toMatchObject({ fields: { "mapping.number": "validation.columnRequired", "mapping.date": "validation.columnRequired" } });
    expect(await counts()).toEqual({ invoices: 0, audit: 0 });
  });

  it("remembers the mapping per business", async () => {
    const csv = "Nr;Wanneer;Wie;Hoeveel\nX-1;01-02-2026;Klant;100,00\n";
    const mapping = { columns: { number: "Nr", date: "Wanneer", customerName: "Wie", netAmount: "Hoeveel" }, defaultCategory: "NL_REDUCED" };
    await commitImport({ caller: { userId: owner.id }, businessId: business.id, csv, mapping });
    const preview = await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv: "Nr;Wanneer;Wie;Hoeveel\nX-2;02-02-2026;Klant;50\n" });
    expect(preview.mapping).toEqual(mapping);
    expect(preview.rows[0]).toMatchObject({ status: "new", category: "NL_REDUCED", netCents: 5000 });
  });
});

// The CSV import against PostgreSQL with the shipped example files.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as readCsvModule from "@/lib/features/invoices/import/read-csv";
import { db } from "@/lib/platform/db/client";
import { commitImport, previewImport } from "@/lib/features/invoices/import/import-invoices";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
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
    await expect(previewImport({ caller: { userId: outsider.id }, businessId: business.id, csv })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(commitImport({ caller: { userId: outsider.id }, businessId: business.id, csv })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await counts()).toEqual({ invoices: 0, audit: 0 });
  });

  it("names the row and column of a NUL or control character, in preview and commit, and imports nothing", async () => {
    const csv = [
      "number,date,customer,description,net",
      "N-1,2026-01-15,Klant BV,Werk,100.00",
      "N-2\u0000,2026-01-16,Klant BV,Werk,100.00",
      "N-3,2026-01-17,Klant\u001b BV,We\u0000rk,100.00",
    ].join("\n");
    const preview = await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv });
    expect(preview.rows.map((row) => [row.line, row.status, row.errors])).toEqual([
      [2, "new", {}],
      [3, "error", { number: "validation.invalidCharacters" }],
      [4, "error", { customerName: "validation.invalidCharacters", description: "validation.invalidCharacters" }],
    ]);
    await expect(commitImport({ caller: { userId: owner.id }, businessId: business.id, csv })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: {
        "rows.3.number": "validation.invalidCharacters",
        "rows.4.customerName": "validation.invalidCharacters",
        "rows.4.description": "validation.invalidCharacters",
      },
    });
    const header = "number,date,customer\u0000,net\nN-1,2026-01-15,Klant BV,100.00";
    await expect(previewImport({ caller: { userId: owner.id }, businessId: business.id, csv: header })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { file: "validation.csvHeaderInvalidCharacters" },
    });
    expect(await counts()).toEqual({ invoices: 0, audit: 0 });
  });

  it("imports our own format, counts per the rules, and is idempotent", async () => {
    const csv = fixture("invoices-basic.csv");
    const preview = await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv });
    expect(preview.summary).toEqual({
      total: 5,
      new: 5,
      existing: 0,
      errors: 0,
      review: 0,
      newNetCents: 790050,
      newKorCents: 590050,
      missingVat: 0,
      deleted: 0,
    });
    expect(preview.rows.map((row) => row.countsForKor)).toEqual([true, true, true, true, false]);
    expect(await counts()).toEqual({ invoices: 0, audit: 0 });

    await expect(commitImport({ caller: { userId: owner.id }, businessId: business.id, csv })).resolves.toMatchObject({
      created: 5,
      skipped: 0,
      total: 5,
    });
    expect(await counts()).toEqual({ invoices: 5, audit: 5 });
    const services = await db().invoice.findFirstOrThrow({ where: { businessId: business.id, number: "2026-105" } });
    expect(services).toMatchObject({ category: "EU_B2B_SERVICES", netCents: 200000, customerName: "Designbüro Berlin GmbH" });

    await expect(commitImport({ caller: { userId: owner.id }, businessId: business.id, csv })).resolves.toMatchObject({
      created: 0,
      skipped: 5,
    });
    expect(await counts()).toEqual({ invoices: 5, audit: 5 });
    const again = await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv });
    expect(again.summary).toMatchObject({ new: 0, existing: 5 });
  });

  it("reads a Moneybird export: semicolons, Dutch amounts and dates, a credit note", async () => {
    const csv = fixture("moneybird-verkoopfacturen.csv");
    const preview = await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv });
    expect(preview.mapping.columns).toMatchObject({
      number: "Factuurnummer",
      date: "Factuurdatum",
      customerName: "Contact",
      netAmount: "Totaal excl. btw",
      vatAmount: "Btw",
      grossAmount: "Totaal incl. btw",
    });
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

  it("reads an e-Boekhouden export: the category from the VAT rate, and 'verlegd' without a country for the user to decide (issue #17)", async () => {
    const csv = fixture("e-boekhouden-export.csv");
    const preview = await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv });
    expect(preview.rows.map((row) => [row.number, row.status, row.category, row.countsForKor])).toEqual([
      ["F-0101", "new", "NL_STANDARD", true],
      ["F-0102", "new", "NL_REDUCED", true],
      // Domestic subcontracting or a service to a business abroad: never guessed into the total.
      ["F-0103", "review", null, null],
    ]);
    expect(preview.summary).toMatchObject({ new: 2, review: 1, newKorCents: 90000 });
    await expect(commitImport({ caller: { userId: owner.id }, businessId: business.id, csv })).rejects.toMatchObject({
      fields: { "rows.4.category": "validation.categoryNeedsReview" },
    });
    expect(await counts()).toEqual({ invoices: 0, audit: 0 });

    const mapping = { ...preview.mapping, rowCategories: { "4": "NL_REVERSE_CHARGE" } };
    await commitImport({ caller: { userId: owner.id }, businessId: business.id, csv, mapping });
    const rows = await db().invoice.findMany({ where: { businessId: business.id }, orderBy: { number: "asc" } });
    expect(rows.map((row) => [row.number, row.category, row.netCents, row.vatCents])).toEqual([
      ["F-0101", "NL_STANDARD", 60000, 12600],
      ["F-0102", "NL_REDUCED", 30000, 2700],
      ["F-0103", "NL_REVERSE_CHARGE", 100000, 0],
    ]);
    // The row's choice belongs to that file: not remembered with the mapping.
    const remembered = await db().business.findUniqueOrThrow({ where: { id: business.id }, select: { importMapping: true } });
    expect(remembered.importMapping).not.toHaveProperty("rowCategories");
  });

  it("derives the category from country, customer type and VAT together: a 0% or reverse-charged service to an EU business is not counted for the KOR (issue #17, docs/domain/KOR-RULES.md §2)", async () => {
    const csv = [
      "Factuurnummer;Datum;Klant;Land;Soort klant;Btw-tarief;Bedrag excl. btw",
      "D-1;10-03-2026;Designbüro Berlin GmbH;DE;zakelijk;0%;15.000,00",
      "D-2;11-03-2026;Studio Wien GmbH;AT;zakelijk;verlegd;12.000,00",
      "D-3;12-03-2026;Bakker;NL;zakelijk;verlegd;1.000,00",
      "D-4;13-03-2026;Bakker;NL;zakelijk;21%;2.000,00",
      "D-5;14-03-2026;Acme Inc;US;zakelijk;0%;3.000,00",
      "D-6;15-03-2026;Jean;FR;particulier;21%;500,00",
    ].join("\n");
    const preview = await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv });
    expect(preview.rows.map((row) => [row.number, row.status, row.category, row.countsForKor])).toEqual([
      ["D-1", "review", null, null],
      ["D-2", "review", null, null],
      ["D-3", "new", "NL_REVERSE_CHARGE", true],
      ["D-4", "new", "NL_STANDARD", true],
      ["D-5", "review", null, null],
      ["D-6", "new", "EU_B2C_NL_VAT", true],
    ]);
    // Rows of one kind share a group, so the user can decide once for all of them.
    expect(preview.rows[0]!.reviewGroup).toBe("DE|business|0");
    expect(preview.summary.newKorCents).toBe(100000 + 200000 + 50000);

    const mapping = { ...preview.mapping, rowCategories: { "2": "EU_B2B_SERVICES", "3": "EU_B2B_SERVICES", "6": "NON_EU_SERVICES" } };
    const decided = await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv, mapping });
    expect(decided.summary).toMatchObject({ new: 6, review: 0, newKorCents: 350000 });
    expect(decided.rows.slice(0, 2).map((row) => row.countsForKor)).toEqual([false, false]);
    await commitImport({ caller: { userId: owner.id }, businessId: business.id, csv, mapping });
    const services = await db().invoice.findFirstOrThrow({ where: { businessId: business.id, number: "D-1" } });
    expect(services).toMatchObject({ category: "EU_B2B_SERVICES", country: "DE" });
  });

  it("warns before anything is stored when the amounts look like cents, or the file is ten times the largest year (issue #17)", async () => {
    // The old wizard's mistake: a cents column read as euros.
    const cents = [
      "number,date,customer_name,net_cents",
      "C-1,2026-01-10,Klant,700000",
      "C-2,2026-02-10,Klant,800000",
      "C-3,2026-03-10,Klant,600000",
    ].join("\n");
    const mapping = {
      columns: { number: "number", date: "date", customerName: "customer_name", netAmount: "net_cents" },
      defaultCategory: "NL_STANDARD",
    };
    const preview = await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv: cents, mapping });
    expect(preview.summary.newNetCents).toBe(210_000_000);
    expect(preview.warnings).toEqual([{ code: "looksLikeCents", fileNetCents: 210_000_000, centsReadingNetCents: 2_100_000 }]);
    // Whole euros that are plausible: no warning.
    const euros = ["number,date,customer,net", "E-1,2026-01-10,Klant,700", "E-2,2026-02-10,Klant,800"].join("\n");
    expect((await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv: euros })).warnings).toEqual([]);

    await commitImport({ caller: { userId: owner.id }, businessId: business.id, csv: euros });
    const big = ["number,date,customer,net", 'G-1,2027-01-10,Klant,"16.000,00"'].join("\n");
    expect((await previewImport({ caller: { userId: owner.id }, businessId: business.id, csv: big })).warnings).toEqual([
      { code: "tenTimesLargestYear", year: 2027, fileYearNetCents: 1_600_000, largestYear: 2026, largestYearNetCents: 150_000 },
    ]);
    expect(await counts()).toEqual({ invoices: 2, audit: 2 });
  });

  it("refuses an outsider's commit before parsing the file (issue #17)", async () => {
    const spy = vi.spyOn(readCsvModule, "readCsv");
    const huge = `number,date,customer,net\n${"X,2026-01-01,K,1\n".repeat(200_000)}`;
    await expect(commitImport({ caller: { userId: outsider.id }, businessId: business.id, csv: huge })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(previewImport({ caller: { userId: outsider.id }, businessId: business.id, csv: huge })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it("runs one import per business at a time: a second one is refused with 409 and writes nothing (issue #17)", async () => {
    const csv = fixture("invoices-basic.csv");
    // Another import of this business holds the lock (its transaction is open).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const first = db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('drempel.invoice-import'), hashtext($1))`, business.id);
      locked();
      await held;
    });
    await lockTaken;
    await expect(commitImport({ caller: { userId: owner.id }, businessId: business.id, csv })).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { file: "validation.importRunning" },
    });
    expect(await counts()).toEqual({ invoices: 0, audit: 0 });
    release();
    await first;
    // Two at once: exactly one runs.
    const big = `number,date,customer,net\n${Array.from({ length: 20_000 }, (_, i) => `P-${i},2026-01-01,K,1`).join("\n")}`;
    const outcomes = await Promise.allSettled([
      commitImport({ caller: { userId: owner.id }, businessId: business.id, csv: big }),
      commitImport({ caller: { userId: owner.id }, businessId: business.id, csv: big }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
  });

  it("runs one preview per business at a time: while another preview or an import of the business runs, a preview gets 409 (issue #17)", async () => {
    const csv = fixture("invoices-basic.csv");
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const first = db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('drempel.invoice-import'), hashtext($1))`, business.id);
      locked();
      await held;
    });
    await lockTaken;
    const spy = vi.spyOn(readCsvModule, "readCsv");
    await expect(previewImport({ caller: { userId: owner.id }, businessId: business.id, csv })).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { file: "validation.importRunning" },
    });
    // Refused before the file is parsed.
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    release();
    await first;
    // Another business of the same owner is not held up.
    const other = await createOwnedBusiness(owner.id, "Ander BV");
    // Rows with a wrong date: parsing them takes a while, placing them in the books (VAT advice) nothing.
    const big = `number,date,customer,net\n${Array.from({ length: 20_000 }, (_, i) => `P-${i},2026-13-01,K,1`).join("\n")}`;
    const outcomes = await Promise.allSettled([
      previewImport({ caller: { userId: owner.id }, businessId: business.id, csv: big }),
      previewImport({ caller: { userId: owner.id }, businessId: business.id, csv: big }),
      previewImport({ caller: { userId: owner.id }, businessId: other.id, csv: big }),
    ]);
    expect(outcomes.map((o) => o.status)).toContain("rejected");
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([
      expect.objectContaining({ reason: expect.objectContaining({ code: "CONFLICT" }) }),
    ]);
    expect(outcomes[2]!.status).toBe("fulfilled");
    // Once it has finished, the next preview runs.
    await expect(previewImport({ caller: { userId: owner.id }, businessId: business.id, csv })).resolves.toMatchObject({
      summary: { total: 5 },
    });
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
    await expect(commitImport({ caller: { userId: owner.id }, businessId: business.id, csv: "" })).rejects.toMatchObject({
      fields: { file: "validation.csvEmpty" },
    });
    const headerOnly = await commitImport({ caller: { userId: owner.id }, businessId: business.id, csv: fixture("header-only.csv") });
    expect(headerOnly).toMatchObject({ created: 0, total: 0 });
    await expect(commitImport({ caller: { userId: owner.id }, businessId: business.id, csv: "a,b\n1,2\n" })).rejects.toMatchObject({
      fields: { "mapping.number": "validation.columnRequired", "mapping.date": "validation.columnRequired" },
    });
    expect(await counts()).toEqual({ invoices: 0, audit: 0 });
  });

  it("remembers the mapping per business", async () => {
    const csv = "Nr;Wanneer;Wie;Hoeveel\nX-1;01-02-2026;Klant;100,00\n";
    const mapping = {
      columns: { number: "Nr", date: "Wanneer", customerName: "Wie", netAmount: "Hoeveel" },
      defaultCategory: "NL_REDUCED",
    };
    await commitImport({ caller: { userId: owner.id }, businessId: business.id, csv, mapping });
    const preview = await previewImport({
      caller: { userId: owner.id },
      businessId: business.id,
      csv: "Nr;Wanneer;Wie;Hoeveel\nX-2;02-02-2026;Klant;50\n",
    });
    expect(preview.mapping).toEqual(mapping);
    expect(preview.rows[0]).toMatchObject({ status: "new", category: "NL_REDUCED", netCents: 5000 });
  });
});

// The e-invoice import against PostgreSQL: UBL fixtures (test/fixtures/ubl) through the
// CSV import's own preview and commit.
import fs from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { commitEInvoiceImport, previewEInvoiceImport } from "@/lib/features/invoices/import/import-e-invoices";
import { getTurnover } from "@/lib/features/turnover/get-turnover";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

const bytes = (name: string) => new Uint8Array(fs.readFileSync(path.join(process.cwd(), "test/fixtures/ubl", name)));
let owner: { id: string };
let business: BusinessDto;
const caller = () => ({ userId: owner.id });

beforeEach(async () => {
  owner = await createUser("ubl");
  business = await createOwnedBusiness(owner.id, "E-facturen BV");
});

const stored = async () =>
  (await db().invoice.findMany({ where: { businessId: business.id }, orderBy: { number: "asc" } })).map((row) => ({
    number: row.number,
    kind: row.kind,
    category: row.category,
    net: row.netCents,
    vat: row.vatCents,
    currency: row.currency,
    foreign: row.foreignCents,
    credits: row.creditsInvoiceId,
  }));

describe("e-invoice import (UBL)", () => {
  it("previews a zip: each document classified from its VAT category, the unclear one for review, nothing written; the PDF beside them left out", async () => {
    const preview = await previewEInvoiceImport({ caller: caller(), businessId: business.id, body: bytes("invoices.zip") });
    expect(preview.rows.map((row) => [row.line, row.source, row.number, row.status, row.category, row.countsForKor, row.netCents])).toEqual(
      [
        [1, "facturen/domestic-s21.xml", "F2026-001", "new", "NL_STANDARD", true, 100000],
        [2, "facturen/reverse-charge-be.xml", "F2026-002", "new", "EU_B2B_SERVICES", false, 250000],
        [3, "facturen/intra-eu-goods-k.xml", "F2026-003", "new", "EU_B2B_GOODS", true, 80000],
        [4, "facturen/export-g.xml", "F2026-004", "new", "EXPORT_NON_EU", true, 150000],
        [5, "facturen/exempt-e.xml", "F2026-005", "review", null, null, 60000],
        [6, "facturen/credit-note.xml", "C2026-001", "new", "NL_STANDARD", true, -20000],
      ],
    );
    expect(preview.rows[4]!.reviewGroup).toBe("NL|business|E");
    expect(preview.summary).toMatchObject({ total: 6, new: 5, review: 1, errors: 0, newKorCents: 100000 + 80000 + 150000 - 20000 });
    expect(preview.warnings).toEqual([{ code: "skippedFiles", count: 1 }]);
    // The VAT advice of the same preview as CSV's.
    expect(preview.rows[0]!.vat).toMatchObject({ status: "participating" });
    expect(await stored()).toEqual([]);
    // Refused while a row needs review: nothing half-imported.
    await expect(commitEInvoiceImport({ caller: caller(), businessId: business.id, body: bytes("invoices.zip") })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { "rows.5.category": "validation.categoryNeedsReview" },
    });
    expect(await stored()).toEqual([]);
  });

  it("imports once the review row has its category, links the credit note, and a second import adds nothing", async () => {
    const choices = { groupCategories: { "NL|business|E": "EXEMPT_OTHER" } };
    const preview = await previewEInvoiceImport({ caller: caller(), businessId: business.id, body: bytes("invoices.zip"), choices });
    expect(preview.summary).toMatchObject({ new: 6, review: 0 });
    await expect(
      commitEInvoiceImport({ caller: caller(), businessId: business.id, body: bytes("invoices.zip"), choices }),
    ).resolves.toEqual({ created: 6, skipped: 0, total: 6 });
    const rows = await stored();
    const invoice = rows.find((row) => row.number === "F2026-001")!;
    expect(rows.find((row) => row.number === "C2026-001")).toMatchObject({
      kind: "CREDIT_NOTE",
      net: -20000,
      vat: -4200,
      credits: expect.any(String),
    });
    const credited = await db().invoice.findFirstOrThrow({
      where: { businessId: business.id, number: "C2026-001" },
      include: { creditsInvoice: true },
    });
    expect(credited.creditsInvoice?.number).toBe(invoice.number);
    expect((await getTurnover({ caller: caller(), businessId: business.id, year: 2026 })).korTurnoverCents).toBe(
      100000 + 80000 + 150000 - 20000,
    );
    await expect(
      commitEInvoiceImport({ caller: caller(), businessId: business.id, body: bytes("invoices.zip"), choices }),
    ).resolves.toEqual({ created: 0, skipped: 6, total: 6 });
    // The CSV import's remembered mapping is not touched by e-invoices.
    expect((await db().business.findUniqueOrThrow({ where: { id: business.id } })).importMapping).toBeNull();
  });

  it("imports a USD invoice with its euro VAT from the tax currency, and a credit note whose invoice is not known without a link", async () => {
    await commitEInvoiceImport({ caller: caller(), businessId: business.id, body: bytes("usd-tax-currency-eur.xml") });
    expect(await stored()).toEqual([
      {
        number: "F2026-007",
        kind: "INVOICE",
        category: "NL_STANDARD",
        net: 92000,
        vat: 19320,
        currency: "USD",
        foreign: 100000,
        credits: null,
      },
    ]);
    const preview = await previewEInvoiceImport({ caller: caller(), businessId: business.id, body: bytes("credit-note.xml") });
    expect(preview.rows[0]).toMatchObject({ status: "new", notes: ["importEInvoices.notes.referenceNotFound"] });
  });

  it("splits a document with two VAT categories into two invoices, and links a credit note to the part with its category", async () => {
    const credit = fs
      .readFileSync(path.join(process.cwd(), "test/fixtures/ubl/credit-note.xml"), "utf8")
      .replace(/F2026-001/g, "F2026-008")
      .replace("C2026-001", "C2026-008");
    // A second credit note on the exempt part: no VAT, category E.
    const exemptCredit = credit
      .replace("C2026-008", "C2026-009")
      .replace(/>42\.00</g, ">0.00<")
      .replace(/>242\.00</g, ">200.00<")
      .replace(/<cbc:ID>S<\/cbc:ID>/g, "<cbc:ID>E</cbc:ID>")
      .replace(/<cbc:Percent>21<\/cbc:Percent>/g, "<cbc:Percent>0</cbc:Percent>")
      .replace(
        "<cbc:Percent>0</cbc:Percent>\n",
        "<cbc:Percent>0</cbc:Percent>\n        <cbc:TaxExemptionReasonCode>VATEX-EU-132-1I</cbc:TaxExemptionReasonCode>\n",
      );
    const zip = zipSync({
      "a.xml": bytes("mixed-categories.xml"),
      "b.xml": new TextEncoder().encode(credit),
      "c.xml": new TextEncoder().encode(exemptCredit),
    });
    await commitEInvoiceImport({ caller: caller(), businessId: business.id, body: zip });
    const rows = await stored();
    expect(rows.map((row) => [row.number, row.category, row.net, row.vat])).toEqual([
      ["C2026-008", "NL_STANDARD", -20000, -4200],
      ["C2026-009", "EXEMPT_OTHER", -20000, 0],
      ["F2026-008/E", "EXEMPT_OTHER", 30000, 0],
      ["F2026-008/S21", "NL_STANDARD", 50000, 10500],
    ]);
    expect(rows[0]!.credits).toBe(
      (await db().invoice.findFirstOrThrow({ where: { businessId: business.id, number: "F2026-008/S21" } })).id,
    );
    expect(rows[1]!.credits).toBe((await db().invoice.findFirstOrThrow({ where: { businessId: business.id, number: "F2026-008/E" } })).id);
  });

  it("shows a malformed and a non-UBL document as error rows of their file, and imports nothing from the upload", async () => {
    const zip = zipSync({ "ok.xml": bytes("domestic-s21.xml"), "kapot.xml": bytes("malformed.xml"), "anders.xml": bytes("not-ubl.xml") });
    const preview = await previewEInvoiceImport({ caller: caller(), businessId: business.id, body: zip });
    expect(preview.rows.map((row) => [row.source, row.status, row.errors])).toEqual([
      ["ok.xml", "new", {}],
      ["kapot.xml", "error", { file: "importEInvoices.errors.malformedXml" }],
      ["anders.xml", "error", { file: "importEInvoices.errors.notUbl" }],
    ]);
    await expect(commitEInvoiceImport({ caller: caller(), businessId: business.id, body: zip })).rejects.toMatchObject({
      fields: { "rows.2.file": "importEInvoices.errors.malformedXml" },
    });
    expect(await stored()).toEqual([]);
  });

  it("refuses an outsider before reading the upload, and a zip that inflates beyond its limit", async () => {
    const outsider = await createUser("outsider");
    await expect(
      previewEInvoiceImport({ caller: { userId: outsider.id }, businessId: business.id, body: bytes("invoices.zip") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      commitEInvoiceImport({ caller: { userId: outsider.id }, businessId: business.id, body: bytes("invoices.zip") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const bomb = zipSync({ "groot.xml": new Uint8Array(30 * 1024 * 1024).fill(32) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(previewEInvoiceImport({ caller: caller(), businessId: business.id, body: bomb })).rejects.toMatchObject({
      fields: { file: "importEInvoices.errors.zipTooLarge" },
    });
    expect(await stored()).toEqual([]);
  });
});

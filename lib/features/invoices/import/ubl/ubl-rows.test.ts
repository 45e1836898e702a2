// The UBL fixtures (test/fixtures/ubl, written from the Peppol BIS Billing 3.0 and SI-UBL 2.0
// descriptions) read into import rows: amounts in cents exactly, dates, customer, codes.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readUbl } from "@/lib/features/invoices/import/ubl/read-ubl";
import { ublCents, ublRows } from "@/lib/features/invoices/import/ubl/ubl-rows";

const fixture = (name: string) => fs.readFileSync(path.join(process.cwd(), "test/fixtures/ubl", name), "utf8");
function rowsOf(name: string) {
  const read = readUbl(fixture(name));
  if (!read.ok) throw new Error(read.error);
  const rows = ublRows(read.document);
  if (!rows.ok) throw new Error(JSON.stringify(rows.errors));
  return rows;
}

describe("reading UBL e-invoices", () => {
  it("reads a domestic 21% invoice: number, date, customer, amounts in cents, code and rate", () => {
    const { rows } = rowsOf("domestic-s21.xml");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cells).toMatchObject({
      number: "F2026-001",
      kind: "invoice",
      date: "2026-03-02",
      customerName: "Bakkerij De Molen B.V.",
      customerCountry: "NL",
      customerType: "business",
      customerVatId: "NL123456789B01",
      vatCategoryCode: "S",
      vatRate: "21",
      netCents: "100000",
      vatCents: "21000",
      currency: "EUR",
      description: "Huisstijl en logo",
    });
  });

  it("reads any namespace prefix (SI-UBL with a:, b:, inv:) and the exemption reason", () => {
    const { rows } = rowsOf("reverse-charge-be.xml");
    expect(rows[0]!.cells).toMatchObject({
      number: "F2026-002",
      customerCountry: "BE",
      customerVatId: "BE0123456789",
      vatCategoryCode: "AE",
      vatExemptionReason: "VATEX-EU-AE Btw verlegd",
      netCents: "250000",
      vatCents: "0",
    });
  });

  it("reads the delivery country of an intra-EU supply, and a company id as a business customer", () => {
    expect(rowsOf("intra-eu-goods-k.xml").rows[0]!.cells).toMatchObject({
      vatCategoryCode: "K",
      deliveryCountry: "DE",
      customerType: "business",
    });
    expect(rowsOf("export-g.xml").rows[0]!.cells).toMatchObject({
      vatCategoryCode: "G",
      customerCountry: "US",
      customerType: "business",
      customerVatId: "",
    });
  });

  it("keeps a VAT id it cannot store out, and says so", () => {
    const { rows } = rowsOf("outside-scope-o.xml");
    expect(rows[0]!.cells).toMatchObject({ customerVatId: "", customerType: "business", vatCategoryCode: "O" });
    expect(rows[0]!.notes).toEqual(["importEInvoices.notes.vatIdNotTaken"]);
  });

  it("makes a credit note negative and names the invoice it refers to", () => {
    const result = rowsOf("credit-note.xml");
    expect(result.rows[0]!.cells).toMatchObject({ number: "C2026-001", kind: "credit_note", netCents: "-20000", vatCents: "-4200" });
    expect(result.references).toEqual(["F2026-001"]);
  });

  it("takes the euro VAT of a USD invoice from its tax currency (EUR), the net at the rate that implies, and the tax point date", () => {
    const { rows } = rowsOf("usd-tax-currency-eur.xml");
    expect(rows[0]!.cells).toMatchObject({
      date: "2026-04-08",
      currency: "USD",
      foreignAmount: "1000.00",
      exchangeRate: "0.92",
      netCents: "92000",
      vatCents: "19320",
    });
  });

  it("splits a document with several VAT categories into one row per category, the parts adding up to the document", () => {
    const { rows } = rowsOf("mixed-categories.xml");
    expect(
      rows.map((row) => [row.cells.number, row.cells.vatCategoryCode, row.cells.netCents, row.cells.vatCents, row.cells.description]),
    ).toEqual([
      ["F2026-008/S21", "S", "50000", "10500", "Fotografie voorstelling"],
      ["F2026-008/E", "E", "30000", "0", "Les fotografie"],
    ]);
    expect(rows[0]!.notes).toContain("importEInvoices.notes.split");
  });

  it("refuses totals that do not add up, to the cent (BR-CO-15), and amounts with more than two decimals", () => {
    const broken = fixture("domestic-s21.xml").replace(">1210.00<", ">1210.01<");
    const read = readUbl(broken);
    expect(read.ok && ublRows(read.document)).toMatchObject({
      ok: false,
      errors: { grossAmount: "importEInvoices.errors.totalsMismatch" },
    });
    const split = fixture("mixed-categories.xml").replace(
      '<cbc:TaxableAmount currencyID="EUR">300.00<',
      '<cbc:TaxableAmount currencyID="EUR">299.99<',
    );
    const readSplit = readUbl(split);
    expect(readSplit.ok && ublRows(readSplit.document)).toMatchObject({
      ok: false,
      errors: { netAmount: "importEInvoices.errors.totalsMismatch" },
    });
    expect(ublCents("12.345")).toBeNull();
    expect(ublCents("-0.5")).toBe(-50);
    expect(ublCents("1e3")).toBeNull();
  });

  it("tells malformed XML from XML that is no UBL invoice, and refuses a DOCTYPE", () => {
    expect(readUbl(fixture("malformed.xml"))).toEqual({ ok: false, error: "importEInvoices.errors.malformedXml" });
    expect(readUbl(fixture("not-ubl.xml"))).toEqual({ ok: false, error: "importEInvoices.errors.notUbl" });
    expect(readUbl('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Invoice><ID>&a;</ID></Invoice>')).toEqual({
      ok: false,
      error: "importEInvoices.errors.notUbl",
    });
  });

  it("refuses a non-euro document without euro amounts", () => {
    const usd = fixture("usd-tax-currency-eur.xml")
      .replace(/<cbc:TaxCurrencyCode>EUR<\/cbc:TaxCurrencyCode>/, "")
      .replace(/<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">193.20<\/cbc:TaxAmount><\/cac:TaxTotal>/, "");
    const read = readUbl(usd);
    expect(read.ok && ublRows(read.document)).toMatchObject({ ok: false, errors: { currency: "importEInvoices.errors.noEuroAmount" } });
  });
});

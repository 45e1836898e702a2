// UBL documents received by the business as purchases: the treatment and rate per VAT
// category when the document says them, the review (with its reason) when it does not,
// and the documents that are not this business's.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readUbl, type UblDocument } from "@/lib/features/invoices/import/ubl/read-ubl";
import { purchaseInputSchema } from "./purchase.types";
import { addressedToAnotherBuyer, parseVatChoice, purchaseCandidate, purchaseUblRows, sentByTheBusiness } from "./purchase-ubl-rows";

const read = (dir: string, name: string): UblDocument => {
  const result = readUbl(fs.readFileSync(path.join(process.cwd(), "test/fixtures", dir, name), "utf8"));
  if (!result.ok) throw new Error(result.error);
  return result.document;
};
const purchase = (name: string) => read("ubl-purchases", name);
const buyer = { vatNumber: null, kvkNumber: "12345678" };

describe("purchaseUblRows", () => {
  it("a Dutch supplier's 21% invoice: NL_VAT at 21%, the supplier from AccountingSupplierParty", () => {
    const result = purchaseUblRows(purchase("purchase-s21.xml"), buyer);
    expect(result).toEqual({
      ok: true,
      number: "INK-2026-101",
      references: [],
      parts: [
        {
          reference: "INK-2026-101",
          date: "2026-02-10",
          supplier: { name: "Drukkerij Van Dam B.V.", country: "NL", vatId: "NL812345678B01" },
          netCents: 40000,
          vatCents: 8400,
          description: "Flyers A5, 2.000 stuks",
          creditsReference: null,
          derived: { choice: "NL_VAT_21" },
          notes: [],
        },
      ],
    });
  });

  it("a reverse charge (AE, 0% on the document) from Germany waits for the Dutch rate: the reason, grouped by code and country", () => {
    const result = purchaseUblRows(purchase("purchase-reverse-charge-ae.xml"), buyer);
    if (!result.ok) throw new Error("not ok");
    expect(result.parts[0]).toMatchObject({
      supplier: { name: "Cloudwerk GmbH", country: "DE", vatId: "DE123456789" },
      netCents: 50000,
      vatCents: 0,
      derived: { reason: "purchases.eInvoices.reasons.reverseChargeRateEu", group: "AE|DE" },
    });
    // Chosen as an EU reverse charge at 21%: the VAT the business owes and deducts, from the rate.
    const input = purchaseInputSchema.parse(purchaseCandidate(result.parts[0]!, "EU_REVERSE_CHARGE_21"));
    expect(input).toMatchObject({ vatTreatment: "EU_REVERSE_CHARGE", ratePercent: 21, netCents: 50000, vatCents: 10500 });
    // A domestic reverse charge is refused for a German supplier: the schema's own check.
    expect(purchaseInputSchema.safeParse(purchaseCandidate(result.parts[0]!, "NL_REVERSE_CHARGE_21")).success).toBe(false);
  });

  it("a credit note is negative and names the invoice it credits", () => {
    const result = purchaseUblRows(purchase("purchase-credit-note.xml"), buyer);
    if (!result.ok) throw new Error("not ok");
    expect(result.references).toEqual(["INK-2026-101"]);
    expect(result.parts[0]).toMatchObject({
      reference: "CN-2026-007",
      netCents: -10000,
      vatCents: -2100,
      description: "Creditnota op INK-2026-101: Korting misdruk flyers",
      // BillingReference/InvoiceDocumentReference/ID: the supplier's invoice it corrects, for the import to link.
      creditsReference: "INK-2026-101",
      derived: { choice: "NL_VAT_21" },
    });
  });

  it("a document addressed to another buyer is an error, by KvK number and by VAT number", () => {
    const other = purchase("purchase-other-buyer.xml");
    expect(purchaseUblRows(other, buyer)).toMatchObject({ ok: false, errors: { buyer: "purchases.eInvoices.errors.otherBuyer" } });
    expect(addressedToAnotherBuyer(other, { vatNumber: "NL860012345B01", kvkNumber: null })).toBe(true);
    // Only when both sides know the number: a business without numbers cannot tell.
    expect(addressedToAnotherBuyer(other, { vatNumber: null, kvkNumber: null })).toBe(false);
    const mine = purchase("purchase-s21.xml");
    expect(addressedToAnotherBuyer(mine, { vatNumber: "nl 8600.12345.B01", kvkNumber: "12345678" })).toBe(false);
    expect(addressedToAnotherBuyer(mine, { vatNumber: "NL999999999B01", kvkNumber: null })).toBe(true);
  });

  it("a document the business sent itself (its own KvK or VAT number as the supplier's) is an error: a sales invoice", () => {
    // The sales fixture: Studio Drempel, KvK 12345678 and NL001234567B01, is the supplier; its
    // customer without numbers (a consumer), else it is another buyer's document already.
    const document = read("ubl", "domestic-s21.xml");
    expect(purchaseUblRows(document, { vatNumber: null, kvkNumber: "12345678" })).toMatchObject({
      errors: { buyer: "purchases.eInvoices.errors.otherBuyer" },
    });
    const sale = { ...document, customer: { ...document.customer, vatIds: [], companyIds: [] } };
    expect(purchaseUblRows(sale, { vatNumber: null, kvkNumber: "12345678" })).toMatchObject({
      ok: false,
      errors: { buyer: "purchases.eInvoices.errors.ownInvoice" },
    });
    expect(sentByTheBusiness(sale, { vatNumber: "NL001234567B01", kvkNumber: null })).toBe(true);
    expect(sentByTheBusiness(purchase("purchase-s21.xml"), buyer)).toBe(false);
  });

  it("maps each VAT category code by the supplier's country; what it cannot say safely goes to review with the reason", () => {
    const base = purchase("purchase-s21.xml");
    const derivedFor = (code: string, percent: string, country: string) => {
      const document: UblDocument = {
        ...base,
        supplier: { ...base.supplier, country, vatIds: [] },
        subtotals: [{ ...base.subtotals[0]!, code, percent, tax: percent === "21" ? "84.00" : "0.00" }],
        taxAmount: percent === "21" ? "84.00" : "0.00",
        totals: { ...base.totals, taxInclusive: percent === "21" ? "484.00" : "400.00" },
      };
      const result = purchaseUblRows(document, buyer);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return result.parts[0]!.derived;
    };
    expect(derivedFor("S", "21", "NL")).toEqual({ choice: "NL_VAT_21" });
    expect(derivedFor("S", "9", "NL")).toEqual({ choice: "NL_VAT_9" });
    expect(derivedFor("Z", "0", "NL")).toEqual({ choice: "NL_VAT_0" });
    expect(derivedFor("E", "0", "NL")).toEqual({ choice: "NO_VAT" });
    expect(derivedFor("O", "0", "NL")).toEqual({ choice: "NO_VAT" });
    const reason = (key: string) => `purchases.eInvoices.reasons.${key}`;
    expect(derivedFor("S", "21", "DE")).toEqual({ reason: reason("foreignVat"), group: "S21|DE" });
    expect(derivedFor("S", "6", "NL")).toEqual({ reason: reason("rateNotDutch"), group: "S6|NL" });
    expect(derivedFor("AE", "0", "NL")).toEqual({ reason: reason("reverseChargeRateNl"), group: "AE|NL" });
    expect(derivedFor("AE", "0", "US")).toEqual({ reason: reason("reverseChargeRateNonEu"), group: "AE|US" });
    expect(derivedFor("K", "0", "BE")).toEqual({ reason: reason("intraEuAcquisitionRate"), group: "K|BE" });
    expect(derivedFor("K", "0", "NL")).toEqual({ reason: reason("intraEuNotFromEu"), group: "K|NL" });
    expect(derivedFor("G", "0", "US")).toEqual({ reason: reason("importGoods"), group: "G|US" });
    expect(derivedFor("E", "0", "FR")).toEqual({ reason: reason("noVatAbroad"), group: "E|FR" });
    expect(derivedFor("L", "0", "ES")).toEqual({ reason: reason("unknownCategory"), group: "L|ES" });
  });

  it("a document with several VAT categories becomes one purchase per category, the parts adding up to the document", () => {
    // The sales fixture seen from its buyer: Studio Drempel (NL) is the supplier.
    const document = read("ubl", "mixed-categories.xml");
    const result = purchaseUblRows(document, { vatNumber: null, kvkNumber: null });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.parts.length).toBeGreaterThan(1);
    expect(
      result.parts.every(
        (part) => part.reference.startsWith(`${document.number}/`) && part.notes.includes("purchases.eInvoices.notes.split"),
      ),
    ).toBe(true);
    const net = result.parts.reduce((sum, part) => sum + part.netCents, 0);
    expect(net).toBe(Math.round(Number(document.totals.taxExclusive) * 100));
  });

  it("a foreign VAT chosen as no VAT becomes part of the cost (nothing to deduct)", () => {
    const result = purchaseUblRows(purchase("purchase-s21.xml"), buyer);
    if (!result.ok) throw new Error("not ok");
    expect(purchaseInputSchema.parse(purchaseCandidate(result.parts[0]!, "NO_VAT"))).toMatchObject({
      netCents: 48400,
      vatCents: 0,
      vatTreatment: "NO_VAT",
    });
  });

  it("a document without the supplier's country (nor a VAT number to read it from) is an error", () => {
    const base = purchase("purchase-s21.xml");
    const result = purchaseUblRows({ ...base, supplier: { ...base.supplier, country: "", vatIds: [] } }, buyer);
    expect(result).toMatchObject({ ok: false, errors: { supplierCountry: "purchases.eInvoices.errors.noSupplierCountry" } });
    const fromVat = purchaseUblRows({ ...base, supplier: { ...base.supplier, country: "" } }, buyer);
    expect(fromVat.ok && fromVat.parts[0]!.supplier.country).toBe("NL");
  });

  it("reads a choice back as treatment and rate", () => {
    expect(parseVatChoice("NON_EU_REVERSE_CHARGE_9")).toEqual({ vatTreatment: "NON_EU_REVERSE_CHARGE", ratePercent: 9 });
    expect(parseVatChoice("NO_VAT")).toEqual({ vatTreatment: "NO_VAT", ratePercent: 0 });
  });
});

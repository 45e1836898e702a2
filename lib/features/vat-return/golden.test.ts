// Golden cases for the btw-aangifte: a business that crossed the KOR limit in Q4 with
// domestic, reverse-charge, intra-EU goods and export sales plus purchases, and the
// rubrieken the Belastingdienst's form expects. Every placement is taken from the
// Belastingdienst's description of the rubriek ("Aangifte omzetbelasting": toelichting per
// rubriek on belastingdienst.nl — "Rubriek 1: Prestaties binnenland", "Rubriek 2:
// Verleggingsregelingen binnenland", "Rubriek 3: Prestaties naar of in het buitenland",
// "Rubriek 4: Prestaties vanuit het buitenland aan u verricht", "Rubriek 5: Voorbelasting");
// the line's own comment names the part relied on. Rounding: whole euros in the taxpayer's
// favour (belastingdienst.nl "Btw-bedrag afronden": "In de aangifte btw rondt u de
// btw-bedragen af op hele euro's. Dit mag u in uw voordeel doen.").
import { describe, expect, it } from "vitest";
import { computeVatReturn, type PurchaseDocument, type RubriekCode, type SaleDocument, type VatReturn } from "./compute-vat-return";
import { korIntervals, parsePeriodLabel } from "./periods";

const sale = (id: string, date: string, category: SaleDocument["category"], net: number, vat = 0): SaleDocument => ({
  id,
  number: id,
  date,
  category,
  netCents: net,
  vatCents: vat,
});
const purchase = (
  id: string,
  date: string,
  vatTreatment: PurchaseDocument["vatTreatment"],
  net: number,
  vat: number,
  ratePercent = 21,
): PurchaseDocument => ({
  id,
  reference: id,
  supplierName: `Leverancier ${id}`,
  date,
  netCents: net,
  vatCents: vat,
  ratePercent,
  vatTreatment,
});

const figure = (result: VatReturn, code: RubriekCode) => {
  const r = result.rubrieken.find((x) => x.code === code)!;
  return { turnover: r.turnoverEuros, vat: r.vatEuros, documents: r.documents.map((d) => d.id) };
};

describe("golden case: KOR participant crossing €20,000 on 15 October 2026 (Q4)", () => {
  // In the KOR since 2025; the crossing invoice of 15 October ends the participation that
  // day (KOR-RULES §3.2): the first return is for Q4 2026, covering 15 October onward.
  const intervals = korIntervals([{ from: "2025-01-01" }], ["2026-10-15"]);
  const sales: SaleDocument[] = [
    // Inside the KOR until 14 October: no VAT, not in the return (KOR-RULES §3.5).
    sale("V-01", "2026-10-02", "NL_STANDARD", 500_00),
    // 1a "Leveringen/diensten belast met hoog tarief": the crossing invoice and a later one.
    sale("V-02", "2026-10-15", "NL_STANDARD", 1_000_00, 210_00),
    sale("V-08", "2026-12-01", "NL_STANDARD", 250_55, 52_62),
    // 1b "Leveringen/diensten belast met laag tarief".
    sale("V-03", "2026-10-20", "NL_REDUCED", 300_00, 27_00),
    // 1e "Leveringen/diensten belast met 0% of niet bij u belast": work as subcontractor
    // with VAT reverse-charged to the Dutch contractor ("btw verlegd") — turnover only.
    sale("V-04", "2026-11-03", "NL_REVERSE_CHARGE", 2_000_00),
    // 3b "Leveringen naar of diensten in landen binnen de EU": intra-Community supply of
    // goods to a German business and a service to a Belgian business — turnover only.
    sale("V-05", "2026-11-10", "EU_B2B_GOODS", 1_500_00),
    sale("V-07", "2026-11-20", "EU_B2B_SERVICES", 400_00),
    // 3a "Leveringen naar landen buiten de EU (uitvoer)" — turnover only.
    sale("V-06", "2026-11-12", "EXPORT_NON_EU", 800_00),
    // Exempt supplies are not declared in the return ("vrijgestelde prestaties vult u niet in").
    sale("V-09", "2026-12-05", "EXEMPT_OTHER", 100_00),
    // A distance sale taxed in the customer's state goes in the OSS return, not here.
    sale("V-10", "2026-12-10", "EU_B2C_FOREIGN_VAT", 120_00, 25_20),
    // Another quarter: not in Q4.
    sale("V-00", "2026-09-30", "NL_STANDARD", 19_000_00),
  ];
  const purchases: PurchaseDocument[] = [
    // Bought inside the KOR: no deduction (KOR-RULES §3.5).
    purchase("I-01", "2026-10-05", "NL_VAT", 100_00, 21_00),
    // 5b "Voorbelasting": Dutch VAT charged by suppliers, 21% and 9%.
    purchase("I-02", "2026-10-16", "NL_VAT", 1_200_00, 252_00),
    purchase("I-03", "2026-10-30", "NL_VAT", 50_00, 4_50, 9),
    // 4b "Leveringen/diensten uit landen binnen de EU": goods from Germany, VAT reverse-charged
    // to the buyer — turnover and VAT, deducted again in 5b.
    purchase("I-04", "2026-11-05", "EU_REVERSE_CHARGE", 600_00, 126_00),
    // 4a "Leveringen/diensten uit landen buiten de EU": a service from the United States.
    purchase("I-05", "2026-11-15", "NON_EU_REVERSE_CHARGE", 200_00, 42_00),
    // 2a "Leveringen/diensten waarbij de heffing van omzetbelasting naar u is verlegd": a
    // Dutch subcontractor; "deze btw kunt u in dezelfde aangifte bij 5b weer aftrekken".
    purchase("I-06", "2026-11-25", "NL_REVERSE_CHARGE", 1_000_00, 210_00),
    // No VAT on it: nothing to deduct.
    purchase("I-07", "2026-12-02", "NO_VAT", 30_00, 0, 0),
  ];
  const result = computeVatReturn({ period: parsePeriodLabel("2026-Q4")!, korIntervals: intervals, sales, purchases });

  it("starts the return on the crossing date", () => {
    expect(result.outsideKorFrom).toBe("2026-10-15");
  });

  it("puts every sale in its rubriek, in whole euros rounded down (amounts owed)", () => {
    expect(figure(result, "1a")).toEqual({ turnover: 1_250, vat: 262, documents: ["V-02", "V-08"] }); // 1,250.55 and 262.62
    expect(figure(result, "1b")).toEqual({ turnover: 300, vat: 27, documents: ["V-03"] });
    expect(figure(result, "1c")).toEqual({ turnover: 0, vat: 0, documents: [] });
    expect(figure(result, "1d")).toEqual({ turnover: 0, vat: 0, documents: [] });
    expect(figure(result, "1e")).toEqual({ turnover: 2_000, vat: null, documents: ["V-04"] });
    expect(figure(result, "3a")).toEqual({ turnover: 800, vat: null, documents: ["V-06"] });
    expect(figure(result, "3b")).toEqual({ turnover: 1_900, vat: null, documents: ["V-05", "V-07"] });
  });

  it("puts reverse-charged purchases in 2a, 4a and 4b", () => {
    expect(figure(result, "2a")).toEqual({ turnover: 1_000, vat: 210, documents: ["I-06"] });
    expect(figure(result, "4a")).toEqual({ turnover: 200, vat: 42, documents: ["I-05"] });
    expect(figure(result, "4b")).toEqual({ turnover: 600, vat: 126, documents: ["I-04"] });
  });

  it("totals 5a–5g: input VAT rounded up (an amount reclaimed)", () => {
    // 5a = 262 + 27 + 0 + 0 + 210 + 42 + 126
    expect(figure(result, "5a").vat).toBe(667);
    // 5b = 252.00 + 4.50 + 126.00 + 42.00 + 210.00 = 634.50 → 635
    expect(figure(result, "5b")).toEqual({ turnover: null, vat: 635, documents: ["I-02", "I-03", "I-04", "I-05", "I-06"] });
    expect(figure(result, "5c").vat).toBe(32);
    expect(figure(result, "5d").vat).toBe(0);
    expect(figure(result, "5g").vat).toBe(32);
    expect(result.rubrieken.filter((r) => r.selfFill).map((r) => r.code)).toEqual(["5e", "5f"]);
  });

  it("names every document left out, and why", () => {
    const notes = result.notes.map((n) => [n.kind, "reason" in n ? n.reason : null, n.document.id]);
    expect(notes).toEqual([
      ["insideKor", null, "V-01"],
      ["notInReturn", "exempt", "V-09"],
      ["notInReturn", "oss", "V-10"],
      ["insideKor", null, "I-01"],
      ["notInReturn", "noVat", "I-07"],
    ]);
  });
});

describe("golden case: a business outside the KOR with a credit note", () => {
  const result = computeVatReturn({
    period: parsePeriodLabel("2026-11")!,
    korIntervals: [],
    sales: [
      sale("F-1", "2026-11-02", "NL_STANDARD", 100_00, 21_00),
      sale("C-1", "2026-11-20", "NL_STANDARD", -110_40, -23_18),
      sale("P-1", "2026-11-30", "PRIVATE_USE", 40_00, 8_40),
    ],
    purchases: [purchase("I-1", "2026-11-03", "NL_VAT", 10_00, 2_10)],
  });

  it("rounds a negative amount owed down too, in the taxpayer's favour", () => {
    // −10.40 turnover → −11; −2.18 VAT → −3.
    expect(figure(result, "1a")).toEqual({ turnover: -11, vat: -3, documents: ["F-1", "C-1"] });
  });

  it("puts private use (onttrekking) in 1d", () => {
    // 1d "Privégebruik": turnover and VAT.
    expect(figure(result, "1d")).toEqual({ turnover: 40, vat: 8, documents: ["P-1"] });
  });

  it("answers a refund as a negative 5g", () => {
    // 5a = −3 + 8 = 5; 5b = 2.10 → 3; 5g = 2.
    expect([figure(result, "5a").vat, figure(result, "5b").vat, figure(result, "5g").vat]).toEqual([5, 3, 2]);
    expect(result.outsideKorFrom).toBe("2026-11-01");
  });
});

describe("what the data cannot support is named, not guessed", () => {
  const result = computeVatReturn({
    period: parsePeriodLabel("2026-Q4")!,
    korIntervals: [],
    sales: [
      // 21% supply sent without VAT: the VAT is owed, but which remedy applies is the owner's choice (KOR-RULES §3.3).
      sale("N-1", "2026-10-01", "NL_STANDARD", 600_00),
      // A distance sale taxed in NL at 9% (its VAT tells the rate), and one without VAT.
      sale("D-1", "2026-10-02", "EU_B2C_NL_VAT", 100_00, 9_00),
      sale("D-2", "2026-10-03", "EU_B2C_NL_VAT", 100_00),
    ],
    purchases: [],
  });

  it("leaves them out of the rubrieken with a note", () => {
    expect(figure(result, "1a")).toEqual({ turnover: 0, vat: 0, documents: [] });
    expect(figure(result, "1b")).toEqual({ turnover: 100, vat: 9, documents: ["D-1"] });
    expect(result.notes.map((n) => [n.kind, n.document.id])).toEqual([
      ["noVatOnTaxedSale", "N-1"],
      ["rateUnknown", "D-2"],
    ]);
  });
});

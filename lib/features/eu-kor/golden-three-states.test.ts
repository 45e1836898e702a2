// Golden case (issue #20): an EU-KOR business established in the Netherlands with sales in
// three member states (Germany, Belgium, France) in 2026 → the expected EU-KOR quarterly
// report lines, ICP statement lines and OSS lines. Every expected figure was worked out by
// hand from the sources named beside it:
// - KOR-RULES.md §2, the category table ("member state it counts for"): EU_B2B_GOODS and
//   EU_B2C_NL_VAT count for NL; EU_B2C_FOREIGN_VAT and EU_B2B_SERVICES for `country` (the
//   latter our reading, C); credit notes are negative.
// - KOR-RULES.md §4: the quarterly report gives "the total value of supplies per member
//   state (NL too, and '0' where none), in euro".
// - KOR-RULES.md §1: the EU B2C distance-sales threshold (art. 59c) is €10,000; above it the
//   place of supply is the customer's state (OSS).
// - Belastingdienst, "Opgaaf intracommunautaire prestaties (ICP)": per customer VAT number
//   the intra-EU supplies of goods and, apart, the services whose VAT the customer accounts
//   for, per quarter.
// - Belastingdienst / EU, "Éénloketsysteem (OSS)": per member state of consumption the
//   taxable amount and the VAT of that state, per quarter.
import { describe, expect, it } from "vitest";
import { evaluate, type Transaction } from "@/lib/kor";
import { input, nlBusiness } from "@/lib/kor/test-helpers";
import { buildIcpOss, type IcpOssInvoice } from "./build-icp-oss";
import { buildQuarterlyReports } from "./build-quarterly-report";

const sale = (
  number: string,
  date: string,
  category: IcpOssInvoice["category"],
  netCents: number,
  extra: Partial<IcpOssInvoice> = {},
): IcpOssInvoice => ({
  id: `id-${number}`,
  number,
  date,
  category,
  netCents,
  vatCents: 0,
  country: null,
  customerName: `Klant ${number}`,
  customerCountry: null,
  customerVatId: null,
  ...extra,
});

const holz = { customerName: "Holz GmbH", customerCountry: "DE", customerVatId: "DE 123.456.789" };
const atelier = { customerName: "Atelier SPRL", customerCountry: "BE", customerVatId: "BE0123456789" };
const invoices: IcpOssInvoice[] = [
  sale("1", "2026-01-20", "EU_B2B_GOODS", 400_000, holz), // ICP goods, DE customer; counts for NL (§2)
  sale("2", "2026-02-05", "EU_B2B_SERVICES", 150_000, { ...atelier, country: "BE" }), // ICP services; counts for BE (§2, C)
  sale("3", "2026-03-10", "EU_B2C_NL_VAT", 600_000, { customerCountry: "FR" }), // distance sale under €10,000: NL (§2); distance total €6,000
  sale("4", "2026-04-15", "EU_B2C_NL_VAT", 300_000, { customerCountry: "FR" }), // distance total €9,000
  sale("5", "2026-05-02", "EU_B2C_FOREIGN_VAT", 200_000, { country: "FR", vatCents: 40_000 }), // distance total €11,000 > €10,000: OSS from here (§1); FR 20%
  sale("6", "2026-05-20", "EU_B2C_NL_VAT", 50_000, { customerCountry: "DE" }), // after the OSS start, still Dutch VAT: to correct
  sale("7", "2026-06-01", "EU_B2C_FOREIGN_VAT", 100_000, { country: "DE", vatCents: 19_000 }), // OSS DE, 19%
  sale("8", "2026-06-15", "EU_B2B_GOODS", -50_000, holz), // credit note on invoice 1: ICP goods −€500 in Q2
  sale("9", "2026-07-01", "NL_STANDARD", 200_000, { vatCents: 42_000 }), // domestic: NL, not ICP/OSS
];

const transactions: Transaction[] = invoices.map((i) => ({
  id: i.id,
  date: i.date,
  netCents: i.netCents,
  vatCents: i.vatCents,
  category: i.category,
  ...(i.country ? { country: i.country } : {}),
}));
const engineInput = input("2026-12-31", transactions, nlBusiness({ euKor: { memberStates: ["DE", "BE", "FR"] } }));
const nonZero = (lines: { state: string; netCents: number }[]) =>
  Object.fromEntries(lines.filter((l) => l.netCents !== 0).map((l) => [l.state, l.netCents]));

describe("golden case: EU-KOR business with sales in Germany, Belgium and France (2026)", () => {
  const reports = buildQuarterlyReports({ year: 2026, input: engineInput, output: evaluate(engineInput, { explain: true }) });
  const figures = buildIcpOss({ year: 2026, invoices });

  it("EU-KOR quarterly report lines per member state (KOR-RULES.md §2 table, §4)", () => {
    // Q1: NL = 4,000 (goods to DE business, NL supply) + 6,000 (distance sale with NL VAT); BE = 1,500 (service, customer's state).
    expect(nonZero(reports.quarters[0]!.lines)).toEqual({ NL: 1_000_000, BE: 150_000 });
    // Q2: NL = 3,000 + 500 − 500 (credit note); FR = 2,000 and DE = 1,000 (distance sales taxed there).
    expect(nonZero(reports.quarters[1]!.lines)).toEqual({ NL: 300_000, FR: 200_000, DE: 100_000 });
    // Q3: NL = 2,000 domestic. Q4: nothing, every state 0.
    expect(nonZero(reports.quarters[2]!.lines)).toEqual({ NL: 200_000 });
    expect(nonZero(reports.quarters[3]!.lines)).toEqual({});
    expect(reports.quarters.map((q) => q.dueDate)).toEqual(["2026-04-30", "2026-07-31", "2026-10-31", "2027-01-31"]);
    // Each line's rule: the report's (§4); the BE services line was counted under the C-rule for services.
    const be = reports.quarters[0]!.lines.find((l) => l.state === "BE")!;
    expect(be).toMatchObject({ ruleId: "euKor.quarterlyReport", rule: "§4", supplies: 1 });
    expect(be.countedBy).toEqual([{ ruleId: "count.euB2bServicesState", rule: "§2", interpretation: true }]);
    expect(reports.quarters[0]!.lines.find((l) => l.state === "NL")!.countedBy.map((r) => r.ruleId)).toEqual(["count.categories"]);
  });

  it("ICP lines per customer VAT number: goods and services apart, credit notes netted (Belastingdienst, ICP)", () => {
    expect(figures.quarters[0]!.icp).toEqual([
      { vatId: "BE0123456789", country: "BE", customerName: "Atelier SPRL", goodsCents: 0, servicesCents: 150_000, invoices: ["2"] },
      { vatId: "DE123456789", country: "DE", customerName: "Holz GmbH", goodsCents: 400_000, servicesCents: 0, invoices: ["1"] },
    ]);
    expect(figures.quarters[0]!.icpTotals).toEqual({ goodsCents: 400_000, servicesCents: 150_000 });
    expect(figures.quarters[1]!.icp).toEqual([
      { vatId: "DE123456789", country: "DE", customerName: "Holz GmbH", goodsCents: -50_000, servicesCents: 0, invoices: ["8"] },
    ]);
    expect(figures.quarters[2]!.icp).toEqual([]);
  });

  it("OSS from the sale that took distance sales over €10,000, per member state with the VAT charged (KOR-RULES.md §1; OSS)", () => {
    expect(figures.ossStart).toMatchObject({
      from: "2026-05-02",
      reason: "crossed",
      invoiceNumber: "5",
      thresholdCents: 1_000_000,
      ruleId: "distanceSales.threshold",
    });
    // 6,000 + 3,000 + 2,000 + 500 + 1,000.
    expect(figures.distanceSalesCents).toBe(1_250_000);
    expect(figures.quarters[0]!.oss).toEqual([]);
    expect(figures.quarters[1]!.oss).toEqual([
      { state: "DE", netCents: 100_000, vatCents: 19_000, invoices: ["7"] },
      { state: "FR", netCents: 200_000, vatCents: 40_000, invoices: ["5"] },
    ]);
    expect(figures.quarters[1]!.ossTotals).toEqual({ netCents: 300_000, vatCents: 59_000 });
    // Invoice 6 came after the OSS start but was booked with Dutch VAT.
    expect(figures.dutchVatAfterOssStart).toEqual([{ id: "id-6", number: "6", date: "2026-05-20", netCents: 50_000 }]);
  });

  it("OSS from 1 January when the previous year went over €10,000 (KOR-RULES.md §1)", () => {
    const withLastYear = buildIcpOss({
      year: 2027,
      invoices: [sale("p", "2026-11-01", "EU_B2C_NL_VAT", 1_000_001), sale("q", "2027-01-15", "EU_B2C_NL_VAT", 10_000)],
    });
    expect(withLastYear.ossStart).toMatchObject({ from: "2027-01-01", reason: "previousYear", invoiceNumber: null });
    expect(withLastYear.dutchVatAfterOssStart.map((i) => i.number)).toEqual(["q"]);
    // Exactly €10,000 is not over it.
    expect(buildIcpOss({ year: 2027, invoices: [sale("p", "2026-11-01", "EU_B2C_NL_VAT", 1_000_000)] }).ossStart).toBeNull();
  });
});

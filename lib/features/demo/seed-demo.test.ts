// The demo's story businesses tell their story on any day of the year: the engine finds
// the crossing (with invoices at 0% after it to remediate) and the Union turnover in two
// member states, whatever today is.
import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/kor";
import type { EngineInput } from "@/lib/kor";
import { purchaseInputSchema } from "@/lib/features/purchases/purchase.types";
import { computeVatReturn } from "@/lib/features/vat-return/compute-vat-return";
import { korIntervals, periodsOfYear } from "@/lib/features/vat-return/periods";
import { cateringPurchases, crossingInvoices, dateInYearSoFar, euKorInvoices, photographyPurchases } from "./seed-demo";

const todays = ["2026-01-01", "2026-01-02", "2026-03-15", "2026-12-07", "2026-12-31", "2028-02-29"];

function input(today: string, invoices: ReturnType<typeof crossingInvoices>, euKor?: EngineInput["business"]["euKor"]): EngineInput {
  return {
    asOf: today,
    business: {
      establishedIn: "NL",
      filingPeriod: "quarter",
      korParticipations: [{ from: `${Number(today.slice(0, 4)) - 1}-01-01` }],
      ...(euKor ? { euKor } : {}),
    },
    transactions: invoices.map((invoice, index) => ({
      id: `t${index + 1}`,
      date: invoice.date,
      netCents: invoice.netCents,
      vatCents: invoice.vatCents ?? 0,
      category: invoice.category,
      ...(invoice.country ? { country: invoice.country } : {}),
      ...(invoice.sequence !== undefined ? { sequence: invoice.sequence } : {}),
    })),
  };
}

describe("dateInYearSoFar", () => {
  it("stays between 1 January and today", () => {
    expect(dateInYearSoFar("2026-12-07", 0)).toBe("2026-01-01");
    expect(dateInYearSoFar("2026-12-07", 1)).toBe("2026-12-07");
    expect(dateInYearSoFar("2026-01-01", 0.5)).toBe("2026-01-01");
  });
});

describe("the demo business that crossed", () => {
  it.each(todays)("crosses with its eighth invoice and owes VAT on two 0%% invoices on %s", (today) => {
    const output = evaluate(input(today, crossingInvoices(today)));
    const year = Number(today.slice(0, 4));
    const crossing = output.kor.crossings.find((c) => c.year === year);
    expect(crossing?.transactionId).toBe("t8");
    expect(crossing?.whileParticipating).toBe(true);
    expect(crossing?.atRisk).toEqual([]);
    expect(output.kor.participatingOnAsOf).toBe(false);
    expect(output.kor.remediation?.transactionIds).toEqual(["t8", "t9"]);
    expect(crossingInvoices(today).every((invoice) => invoice.date.startsWith(String(year)) && invoice.date <= today)).toBe(true);
  });
});

describe("the demo business under the EU-KOR", () => {
  it.each(todays)("has Union turnover in Belgium and Germany on %s", (today) => {
    const output = evaluate(input(today, euKorInvoices(today), { memberStates: ["BE", "DE"], from: `${today.slice(0, 4)}-01-01` }));
    const totals = output.years[today.slice(0, 4)]!;
    expect(totals.memberStateTurnoverCents).toMatchObject({ BE: 630000, DE: 360000 });
    expect(totals.unionTurnoverCents).toBe(1_420_000);
    expect(output.euKor.crossings).toEqual([]);
  });
});

describe("the demo purchases", () => {
  it.each(todays)(
    "of the business that crossed lie outside the KOR and fill the VAT return (21%%, 9%%, reverse charge, an investment good) on %s",
    (today) => {
      const year = Number(today.slice(0, 4));
      const sales = crossingInvoices(today);
      const output = evaluate(input(today, sales));
      const crossing = output.kor.crossings.find((c) => c.year === year)!;
      const purchases = cateringPurchases(today).map((raw, index) => {
        const p = purchaseInputSchema.parse(raw);
        return { id: `p${index + 1}`, ...p };
      });
      expect(purchases.map((p) => [p.ratePercent, p.vatTreatment, p.category])).toEqual([
        [21, "NL_VAT", "GOODS_FOR_RESALE"],
        [9, "NL_VAT", "GOODS_FOR_RESALE"],
        [21, "EU_REVERSE_CHARGE", "COSTS"],
        [21, "NL_VAT", "INVESTMENT_MOVABLE"],
      ]);
      expect(purchases.every((p) => p.date >= crossing.date && p.date <= today && p.date.startsWith(String(year)))).toBe(true);

      const intervals = korIntervals([{ from: `${year - 1}-01-01` }], [crossing.date]);
      const returns = periodsOfYear(year, "quarter").map((period) =>
        computeVatReturn({
          period,
          korIntervals: intervals,
          sales: sales.map((s, index) => ({
            id: `t${index + 1}`,
            number: `${index + 1}`,
            date: s.date,
            category: s.category,
            netCents: s.netCents,
            vatCents: s.vatCents ?? 0,
          })),
          purchases,
        }),
      );
      const total = (code: string, field: "turnoverCents" | "vatCents") =>
        returns.reduce((sum, r) => sum + (r.rubrieken.find((x) => x.code === code)![field] ?? 0), 0);
      // €178.50 + €37.80 + €126.00 (reverse charged, deducted again) + €672.00.
      expect(total("5b", "vatCents")).toBe(17_850 + 3_780 + 12_600 + 67_200);
      expect([total("4b", "turnoverCents"), total("4b", "vatCents")]).toEqual([60_000, 12_600]);
      expect(returns.flatMap((r) => r.notes).filter((n) => n.document.type === "purchase")).toEqual([]);
    },
  );

  it.each(todays)("of the business outside the KOR are dated this year, not after today, on %s", (today) => {
    const purchases = photographyPurchases(today).map((raw) => purchaseInputSchema.parse(raw));
    expect(purchases.map((p) => [p.ratePercent, p.vatCents])).toEqual([
      [21, 5_040],
      [9, 540],
    ]);
    expect(purchases.every((p) => p.date.startsWith(today.slice(0, 4)) && p.date <= today)).toBe(true);
  });
});

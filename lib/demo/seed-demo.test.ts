// The demo's story businesses tell their story on any day of the year: the engine finds
// the crossing (with invoices at 0% after it to remediate) and the Union turnover in two
// member states, whatever today is.
import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/kor";
import type { EngineInput } from "@/lib/kor";
import { crossingInvoices, dateInYearSoFar, euKorInvoices } from "./seed-demo";

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

import { describe, expect, it } from "vitest";
import { evaluate, type EngineInput, type Transaction } from "@/lib/kor";
import { LISTED_INVOICES, buildDashboard, invoicesNamedBy } from "./build-dashboard";
import { withInvoiceNumbers } from "./cards/actions";
import { percentOf } from "./cards/card-options";
import { sortMemberStatesByRisk } from "./cards/eu-section";
import { buildMonthly } from "./cards/monthly";
import { dayOfYear } from "./dates";
import { korStatus } from "./kor-status";
import type { InvoiceRef, MemberStateRow } from "./dashboard.types";

const tx = (id: string, date: string, netCents: number, extra: Partial<Transaction> = {}): Transaction => ({
  id,
  date,
  netCents,
  vatCents: 0,
  category: "NL_STANDARD",
  ...extra,
});

function dashboardOf(input: EngineInput, year: number) {
  const invoices = new Map<string, InvoiceRef>(
    input.transactions.map((t, i) => [t.id, { id: t.id, number: `F-${i + 1}`, customerName: `Klant ${i + 1}` }]),
  );
  return buildDashboard({ businessId: "b1", year, input, output: evaluate(input, { explain: true }), invoices });
}

// The first article's example: €19,950 by 3 November, €600 on 4 November, then €800 and €1,000 without VAT.
const crossingInput: EngineInput = {
  asOf: "2026-11-20",
  business: { establishedIn: "NL", filingPeriod: "quarter", korParticipations: [{ from: "2025-01-01" }] },
  transactions: [
    tx("a", "2025-06-01", 1_500_000),
    tx("b", "2026-03-01", 1_000_000),
    tx("c", "2026-11-03", 995_000),
    tx("d", "2026-11-04", 60_000),
    tx("e", "2026-11-10", 80_000),
    tx("f", "2026-11-15", 100_000),
    tx("g", "2026-05-01", 50_000, { category: "EXEMPT_OTHER" }),
  ],
};

describe("buildDashboard after a crossing", () => {
  const data = dashboardOf(crossingInput, 2026);

  it("shows the counted total, its share of the limit and the crossing invoice by number", () => {
    expect(data.progress.countedCents).toBe(2_235_000);
    expect(data.progress.limitCents).toBe(2_000_000);
    expect(data.progress.percent).toBe(111.7); // 111,75 rounded down, as the mails do
    expect(data.progress.roomLeftCents).toBe(0);
    expect(data.progress.status).toBe("crossed");
    expect(data.progress.marks).toEqual([
      { percent: 80, cents: 1_600_000 },
      { percent: 95, cents: 1_900_000 },
    ]);
    expect(data.crossing?.invoice.number).toBe("F-4");
    expect(data.crossing?.date).toBe("2026-11-04");
    expect(data.cumulative.crossing).toEqual({ day: dayOfYear("2026-11-04"), cents: 2_055_000, invoiceNumber: "F-4", date: "2026-11-04" });
  });

  it("asks to deregister at once with the crossing date as end date, naming the invoice", () => {
    const leave = data.actions.find((a) => a.kind === "leaveNow");
    expect(leave).toMatchObject({ level: "critical", deadline: "2026-11-04", params: { date: "2026-11-04", invoice: "F-4" } });
    expect(data.actions[0]?.kind).toBe("leaveNow");
    expect(leave?.detail?.nl).toContain("F-4");
    expect(leave?.detail?.nl).not.toContain(" d ");
    // After the crossing the 80%/95% warnings are history, not actions.
    expect(data.actions.some((a) => a.kind === "watchLimit")).toBe(false);
  });

  it("computes both remedies for the invoices sent without VAT (§3.3 example)", () => {
    expect(data.remediation?.lines.map((l) => l.invoice.number)).toEqual(["F-4", "F-5", "F-6"]);
    expect(data.remediation?.reinvoiceVatCents).toBe(50_400);
    expect(data.remediation?.absorbedVatCents).toBe(41_652);
  });

  it("explains which invoices counted and which did not", () => {
    expect(data.why.kor.totalCents).toBe(2_235_000);
    expect(data.why.kor.counted.rows.map((r) => r.invoice.number)).toEqual(["F-2", "F-3", "F-4", "F-5", "F-6"]);
    expect(data.why.kor.counted).toMatchObject({ count: 5, netCents: 2_235_000 });
    expect(data.why.kor.notCounted.rows.map((r) => r.invoice.number)).toEqual(["F-7"]);
    expect(data.why.kor.notCounted.rows[0]?.rule).toBe("§2");
    expect(data.why.kor.notCounted.groups).toEqual([
      expect.objectContaining({ category: "EXEMPT_OTHER", count: 1, netCents: 50_000, rule: "§2" }),
    ]);
  });

  it("builds the cumulative line ending at the year's total, last year as a faint line, and no projection past the crossing date's data", () => {
    const points = data.cumulative.points;
    expect(points[0]).toMatchObject({ day: 1, actual: 0, previous: 0 });
    const actual = points.filter((p) => p.actual !== undefined).at(-1);
    expect(actual?.actual).toBe(2_235_000);
    expect(points.find((p) => p.day === 365)?.previous).toBe(1_500_000);
    expect(data.cumulative.previousYearTotalCents).toBe(1_500_000);
    expect(data.cumulative.limitCents).toBe(2_000_000);
  });

  it("puts every transaction of the year in its month, counted or not", () => {
    expect(data.monthly).toHaveLength(12);
    expect(data.monthly[10]).toMatchObject({ month: 11, countedCents: 1_235_000, notCountedCents: 0 });
    expect(data.monthly[4]).toMatchObject({ countedCents: 0, notCountedCents: 50_000, groups: { "notCounted.exempt": 50_000 } });
    const total = data.monthly.reduce((sum, m) => sum + m.countedCents, 0);
    expect(total).toBe(data.progress.countedCents);
  });

  it("lists deadlines in date order, with the earliest rejoin", () => {
    const dates = data.deadlines.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(data.deadlines.some((d) => d.kind === "KOR_EARLIEST_REJOIN" && d.date === "2028-01-01")).toBe(true);
    expect(data.earliestRejoin).toBe("2028-01-01");
  });
});

describe("buildDashboard before a crossing", () => {
  const input: EngineInput = {
    asOf: "2026-06-30",
    business: { establishedIn: "NL", filingPeriod: "quarter", korParticipations: [{ from: "2025-01-01" }] },
    transactions: [tx("a", "2026-01-15", 400_000), tx("b", "2026-03-15", 500_000), tx("c", "2026-06-15", 800_000)],
  };
  const data = dashboardOf(input, 2026);

  it("is approaching at 85% with the room left, and projects to 31 December with a band", () => {
    expect(data.progress).toMatchObject({ countedCents: 1_700_000, percent: 85, roomLeftCents: 300_000, status: "approaching" });
    expect(data.isCurrentYear).toBe(true);
    const projection = data.cumulative.projection;
    expect(projection).not.toBeNull();
    const start = data.cumulative.points.find((p) => p.day === dayOfYear("2026-06-30"));
    expect(start).toMatchObject({ actual: 1_700_000, projected: 1_700_000, band: [1_700_000, 1_700_000] });
    const end = data.cumulative.points.at(-1);
    expect(end?.day).toBe(365);
    expect(end?.projected).toBe(projection?.expectedTotalCents);
    expect(end?.band).toEqual([projection?.lowTotalCents, projection?.highTotalCents]);
    expect(data.crossing).toBeNull();
    expect(data.remediation).toBeNull();
  });

  it("keeps only the highest approaching warning as an action", () => {
    const watch = data.actions.filter((a) => a.kind === "watchLimit");
    expect(watch).toHaveLength(1);
    expect(watch[0]?.params.percent).toBe(80);
  });

  it("shows a past year whole, without projection", () => {
    const past = dashboardOf({ ...input, asOf: "2025-12-31" }, 2025);
    expect(past.isCurrentYear).toBe(false);
    expect(past.cumulative.projection).toBeNull();
    expect(past.progress.countedCents).toBe(0);
    expect(past.years).toContain(2026);
  });
});

describe("buildDashboard for a business outside the KOR with EU sales", () => {
  const input: EngineInput = {
    asOf: "2026-09-30",
    business: { establishedIn: "NL", filingPeriod: "quarter", euKor: { memberStates: ["DE", "BE"] } },
    transactions: [
      tx("a", "2026-02-01", 900_000),
      tx("b", "2026-03-01", 1_200_000, { category: "EU_B2B_SERVICES", country: "BE" }),
      tx("c", "2026-04-01", 300_000, { category: "EU_B2C_FOREIGN_VAT", country: "DE" }),
    ],
  };
  const data = dashboardOf(input, 2026);

  it("says not in the KOR, whatever the amount", () => {
    expect(data.progress.status).toBe("notInKor");
    expect(data.progress.countedCents).toBe(900_000);
  });

  it("shows Union turnover and member states sorted by risk", () => {
    expect(data.eu).not.toBeNull();
    expect(data.eu?.unionCents).toBe(2_400_000);
    expect(data.eu?.unionLimitCents).toBe(10_000_000);
    expect(data.eu?.distanceSalesCents).toBe(300_000);
    expect(data.eu?.distanceSalesLimitCents).toBe(1_000_000);
    const states = data.eu!.memberStates;
    expect(states.map((s) => s.state)).toContain("BE");
    const percents = states.map((s) => s.percent ?? -1);
    expect(percents).toEqual([...percents].sort((a, b) => b - a));
    expect(states.find((s) => s.state === "DE")?.usesEuKor).toBe(true);
  });

  it("reminds of the EU-KOR quarterly report", () => {
    const report = data.actions.find((a) => a.kind === "euReport");
    expect(report?.deadline).toBe("2026-10-31");
  });

  it("splits the not-counted EU sales into their group", () => {
    expect(data.monthly[2]?.groups["notCounted.eu"]).toBe(1_200_000);
    expect(data.comparison.salesByRate).toEqual([{ ratePercent: 21, netCents: 900_000 }]);
  });
});

describe("an empty business", () => {
  it("is empty and safe at zero", () => {
    const data = dashboardOf(
      { asOf: "2026-03-01", business: { establishedIn: "NL", korParticipations: [{ from: "2026-01-01" }] }, transactions: [] },
      2026,
    );
    expect(data.empty).toBe(true);
    expect(data.progress).toMatchObject({ countedCents: 0, percent: 0, status: "safe", roomLeftCents: 2_000_000 });
    expect(data.eu).toBeNull();
    expect(data.monthly.every((m) => m.countedCents === 0)).toBe(true);
  });
});

describe("small helpers", () => {
  it("day of year", () => {
    expect(dayOfYear("2026-01-01")).toBe(1);
    expect(dayOfYear("2026-12-31")).toBe(365);
    expect(dayOfYear("2028-12-31")).toBe(366);
  });

  it("percent with one decimal, zero for no limit", () => {
    expect(percentOf(1_999_999, 2_000_000)).toBe(99.9);
    expect(percentOf(1_000, 3_000)).toBe(33.3);
    expect(percentOf(5, 0)).toBe(0);
  });

  it("status: crossing first, then participation, then the 80% mark", () => {
    expect(korStatus({ crossedWhileParticipating: true, participating: true, percent: 120, approachingPercent: 80 })).toBe("crossed");
    expect(korStatus({ crossedWhileParticipating: false, participating: false, percent: 120, approachingPercent: 80 })).toBe("notInKor");
    expect(korStatus({ crossedWhileParticipating: false, participating: true, percent: 80, approachingPercent: 80 })).toBe("approaching");
    expect(korStatus({ crossedWhileParticipating: false, participating: true, percent: 79.9, approachingPercent: 80 })).toBe("safe");
  });

  it("replaces ids by invoice numbers in engine text", () => {
    const refs = new Map<string, InvoiceRef>([["uuid-1", { id: "uuid-1", number: "2026-004", customerName: "X" }]]);
    expect(withInvoiceNumbers("met uuid-1 op 2026-11-04", ["uuid-1"], refs)).toBe("met 2026-004 op 2026-11-04");
  });

  it("sorts member states by risk, those without a threshold last", () => {
    const row = (state: string, percent: number | null, turnoverCents = 0): MemberStateRow => ({
      state,
      percent,
      turnoverCents,
      thresholdCents: percent === null ? null : 1,
      usesEuKor: false,
      crossedOn: null,
    });
    expect(sortMemberStatesByRisk([row("AT", null, 9), row("BE", 10), row("DE", 90)]).map((r) => r.state)).toEqual(["DE", "BE", "AT"]);
  });

  it("monthly bars of nothing are twelve zero months", () => {
    expect(buildMonthly(undefined).map((m) => m.countedCents)).toEqual(Array(12).fill(0));
  });
});

describe("a crossing in a year the user selects, not only the current year", () => {
  // Crossing on 4 November 2024 while in the KOR; two more 2024 invoices and two in 2025 without VAT.
  const input: EngineInput = {
    asOf: "2024-12-31",
    business: { establishedIn: "NL", filingPeriod: "quarter", korParticipations: [{ from: "2023-01-01" }] },
    transactions: [
      tx("a", "2024-03-01", 1_000_000),
      tx("b", "2024-11-03", 995_000),
      tx("c", "2024-11-04", 60_000),
      tx("d", "2024-11-10", 80_000),
      tx("e", "2024-12-15", 100_000, { category: "NL_REDUCED" }),
      tx("f", "2025-02-01", 200_000),
      tx("g", "2025-03-01", 50_000, { vatCents: 10_500 }),
    ],
  };

  it("shows the 2024 crossing, the invoice from which VAT is due and the remediation of 2024 (as the page asks for a past year: asOf 31 December)", () => {
    const data = dashboardOf(input, 2024);
    expect(data.isCurrentYear).toBe(false);
    expect(data.crossing).toMatchObject({ date: "2024-11-04", invoice: { number: "F-3" }, whileParticipating: true });
    expect(data.actions.find((a) => a.kind === "leaveNow")).toMatchObject({ deadline: "2024-11-04", params: { invoice: "F-3" } });
    // 21% of 600 + 800 = 294.00 on top; 9% of 1,000 = 90.00 on top (NL_REDUCED).
    expect(data.remediation?.lines.map((l) => [l.invoice.number, l.ratePercent, l.reinvoiceVatCents])).toEqual([
      ["F-3", 21, 12_600],
      ["F-4", 21, 16_800],
      ["F-5", 9, 9_000],
    ]);
    expect(data.remediation?.reinvoiceVatCents).toBe(38_400);
    expect(data.remediation?.crossing).toMatchObject({ date: "2024-11-04", invoice: { number: "F-3" }, year: 2024 });
  });

  it("the year after the crossing still lists that year's invoices sent without VAT, naming the earlier crossing", () => {
    const data = dashboardOf({ ...input, asOf: "2025-06-30" }, 2025);
    expect(data.crossing).toBeNull();
    // F-7 carries VAT already; only F-6 is due.
    expect(data.remediation?.lines.map((l) => l.invoice.number)).toEqual(["F-6"]);
    expect(data.remediation?.reinvoiceVatCents).toBe(42_000);
    expect(data.remediation?.absorbedVatCents).toBe(34_711);
    expect(data.remediation?.crossing).toMatchObject({ date: "2024-11-04", invoice: { number: "F-3" }, year: 2024 });
  });

  it("the year before the crossing has nothing to remedy", () => {
    const data = dashboardOf({ ...input, asOf: "2023-12-31" }, 2023);
    expect(data.crossing).toBeNull();
    expect(data.remediation).toBeNull();
  });
});

describe("an EU-KOR user whose Union turnover crosses €100,000", () => {
  // Crossing on Monday 2 March 2026: 15 working days later is Monday 23 March 2026 (§4).
  const input: EngineInput = {
    asOf: "2026-04-10",
    business: { establishedIn: "NL", filingPeriod: "quarter", euKor: { memberStates: ["DE"] } },
    transactions: [
      tx("a", "2026-01-10", 6_000_000, { category: "EU_B2B_SERVICES", country: "BE" }),
      tx("b", "2026-02-10", 3_900_000),
      tx("c", "2026-03-02", 200_000, { category: "EU_B2C_FOREIGN_VAT", country: "DE" }),
    ],
  };
  const data = dashboardOf(input, 2026);

  it("puts the 15-working-day notification first in the alerts panel, with its deadline and the invoice", () => {
    expect(data.eu?.crossing).toMatchObject({ date: "2026-03-02", invoice: { number: "F-3" } });
    const notify = data.actions.find((a) => a.kind === "euNotify");
    expect(notify).toMatchObject({
      level: "critical",
      alertCode: "EU_KOR_THRESHOLD_CROSSED",
      deadline: data.eu?.crossing?.notifyBy,
      params: { days: 15, invoice: "F-3", date: "2026-03-02" },
    });
    expect(notify?.deadline).toBe("2026-03-23");
    expect(notify?.detail?.nl).toContain("F-3");
    expect(data.actions[0]?.kind).toBe("euNotify");
  });

  it("the notification marked done reads as done: not late, info, with its day (issue #16)", () => {
    expect(data.actions.find((a) => a.kind === "euNotify")).toMatchObject({
      deadlineKey: "EU_KOR_NOTIFY_BY:2026-03-02",
      doneOn: null,
      daysLate: 18,
    });
    const invoices = new Map<string, InvoiceRef>(
      input.transactions.map((t, i) => [t.id, { id: t.id, number: `F-${i + 1}`, customerName: `Klant ${i + 1}` }]),
    );
    const done = buildDashboard({
      businessId: "b1",
      year: 2026,
      input,
      output: evaluate(input, { explain: true }),
      invoices,
      done: new Map([["EU_KOR_NOTIFY_BY:2026-03-02", "2026-03-20"]]),
    });
    expect(done.actions.find((a) => a.kind === "euNotify")).toMatchObject({ level: "info", daysLate: null, doneOn: "2026-03-20" });
    expect(done.deadlines.find((d) => d.kind === "EU_KOR_NOTIFY_BY")).toMatchObject({ daysLate: null, doneOn: "2026-03-20" });
  });
});

describe("a year of thousands of invoices", () => {
  // 1,200 domestic invoices of €20 and 300 exempt ones, in a KOR year: it crosses €20,000 at the 1,000th.
  const many: EngineInput = {
    asOf: "2026-12-31",
    business: { establishedIn: "NL", filingPeriod: "quarter", korParticipations: [{ from: "2026-01-01" }] },
    transactions: [
      ...Array.from({ length: 1_200 }, (_, i) =>
        tx(`d${i}`, `2026-${String(1 + Math.floor(i / 100)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`, 2_000, {
          sequence: i,
        }),
      ),
      ...Array.from({ length: 300 }, (_, i) => tx(`x${i}`, "2026-06-15", 10_000, { category: "EXEMPT_OTHER" })),
    ],
  };
  const output = evaluate(many, { explain: true });

  it("sums and groups every invoice but lists only the latest LISTED_INVOICES, with running totals up to the total", () => {
    const data = dashboardOf(many, 2026);
    const { counted, notCounted } = data.why.kor;
    expect(counted).toMatchObject({ count: 1_200, netCents: 2_400_000 });
    expect(counted.groups).toEqual([expect.objectContaining({ category: "NL_STANDARD", count: 1_200, netCents: 2_400_000 })]);
    expect(counted.rows).toHaveLength(LISTED_INVOICES);
    expect(counted.rows.at(-1)?.runningTotalCents).toBe(2_400_000);
    expect(counted.rows[0]?.runningTotalCents).toBe(2_400_000 - (LISTED_INVOICES - 1) * 2_000);
    expect(notCounted).toMatchObject({ count: 300, netCents: 3_000_000 });
    expect(notCounted.rows).toHaveLength(LISTED_INVOICES);
  });

  it("totals the remedies over every invoice after the crossing and lists the first LISTED_INVOICES", () => {
    const data = dashboardOf(many, 2026);
    const remediation = data.remediation!;
    const all = output.kor.remediation!.lines.filter((line) => line.date.startsWith("2026"));
    expect(remediation.lineCount).toBe(all.length);
    expect(remediation.lineCount).toBeGreaterThan(LISTED_INVOICES);
    expect(remediation.lines).toHaveLength(LISTED_INVOICES);
    expect(remediation.lines[0]?.invoice.id).toBe(all[0]?.transactionId);
    expect(remediation.reinvoiceVatCents).toBe(all.reduce((sum, line) => sum + line.reinvoiceVatCents, 0));
    expect(remediation.netCents).toBe(all.reduce((sum, line) => sum + line.netCents, 0));
  });

  it("lists everything when asked to (the CSV download)", () => {
    const data = buildDashboard({
      businessId: "b1",
      year: 2026,
      input: many,
      output,
      invoices: new Map(),
      listed: { why: Infinity, remediation: Infinity },
    });
    expect(data.why.kor.counted.rows).toHaveLength(1_200);
    expect(data.remediation?.lines).toHaveLength(data.remediation!.lineCount);
  });

  it("names only the invoices it lists: a few hundred ids to look up, not the year's 1,500", () => {
    const named = invoicesNamedBy({ businessId: "b1", year: 2026, input: many, output });
    const data = dashboardOf(many, 2026);
    const listed = [
      ...data.why.kor.counted.rows,
      ...data.why.kor.notCounted.rows,
      ...data.why.union.counted.rows,
      ...data.why.union.notCounted.rows,
    ].map((row) => row.invoice.id);
    for (const id of [...listed, data.crossing!.invoice.id, ...data.remediation!.lines.map((line) => line.invoice.id)])
      expect(named).toContain(id);
    expect(named.size).toBeLessThanOrEqual(5 * LISTED_INVOICES + 10);
  });

  it("for the remediation download names the remediation's invoices and none of the why? lists", () => {
    const named = invoicesNamedBy({ businessId: "b1", year: 2026, input: many, output, listed: { why: 0, remediation: Infinity } });
    const lines = output.kor.remediation!.lines.filter((line) => line.date.startsWith("2026")).map((line) => line.transactionId);
    for (const id of lines) expect(named).toContain(id);
    expect(named.size).toBeLessThanOrEqual(lines.length + 10);
    expect(named.has("x0")).toBe(false);
  });
});

// Issue #16: in the KOR from 2026-01-01 with €19,500, then €1,000 on 20 November 2026;
// seen on 7 December 2026.
describe("buildDashboard: the crossing ends participation, honest deadlines", () => {
  const issueInput: EngineInput = {
    asOf: "2026-12-07",
    business: { establishedIn: "NL", filingPeriod: "quarter", korParticipations: [{ from: "2026-01-01" }] },
    transactions: [
      tx("a", "2026-02-10", 650_000),
      tx("b", "2026-05-12", 650_000),
      tx("c", "2026-09-01", 650_000),
      tx("x", "2026-11-20", 100_000),
    ],
  };
  const build = (deregistrations: { endDate: string; sentOn: string }[] = []) => {
    const invoices = new Map<string, InvoiceRef>(
      issueInput.transactions.map((t, i) => [t.id, { id: t.id, number: `2026-00${i + 1}`, customerName: `Klant ${i + 1}` }]),
    );
    return buildDashboard({
      businessId: "b1",
      year: 2026,
      input: issueInput,
      output: evaluate(issueInput, { explain: true }),
      invoices,
      deregistrations,
    });
  };

  it("shows the participation ended on the crossing date, with the deregistration to do and the re-entry rules", () => {
    const data = build();
    expect(data.participation).toEqual({
      status: "endedByCrossing",
      endedOn: "2026-11-20",
      crossingInvoice: { id: "x", number: "2026-004", customerName: "Klant 4" },
      earliestRejoin: "2028-01-01",
      excludedUntil: "2027-12-31",
      deregistration: { endDate: "2026-11-20", sentOn: null, daysLate: 17 },
    });
    expect(data.periodEndings).toEqual([{ periodFrom: "2026-01-01", endedOn: "2026-11-20" }]);
  });

  it("a deadline in the past says how late it is, until the step is ticked off", () => {
    const leave = build().actions.find((a) => a.kind === "leaveNow");
    expect(leave).toMatchObject({ level: "critical", deadline: "2026-11-20", daysLate: 17 });
    const done = build([{ endDate: "2026-11-20", sentOn: "2026-11-22" }]);
    expect(done.participation?.deregistration).toEqual({ endDate: "2026-11-20", sentOn: "2026-11-22", daysLate: null });
    expect(done.actions.find((a) => a.kind === "leaveNow")).toBeUndefined();
    expect(done.actions.find((a) => a.kind === "leftKor")).toMatchObject({
      level: "info",
      deadline: null,
      daysLate: null,
      params: { date: "2026-11-20", sentOn: "2026-11-22" },
    });
  });

  it("a new business at €0 sees voluntary deregistration as an option, not as a deadline", () => {
    const input: EngineInput = {
      asOf: "2026-12-07",
      business: { establishedIn: "NL", filingPeriod: "quarter", korParticipations: [{ from: "2026-01-01" }] },
      transactions: [],
    };
    const data = buildDashboard({ businessId: "b1", year: 2026, input, output: evaluate(input, { explain: true }), invoices: new Map() });
    const leaving = data.deadlines.find((d) => d.kind === "KOR_DEREGISTRATION_EFFECTIVE");
    expect(leaving).toMatchObject({ date: "2027-04-01", choice: true, daysLate: null });
    expect(data.deadlines.filter((d) => !d.choice)).toEqual([]);
  });

  it("counts the days late of a past deadline that asks something of the owner", () => {
    const input: EngineInput = { ...issueInput, asOf: "2027-02-03" };
    const data = buildDashboard({ businessId: "b1", year: 2027, input, output: evaluate(input, { explain: true }), invoices: new Map() });
    // The first VAT return after the crossing (Q4 2026) was due on 31 January 2027.
    expect(data.deadlines.find((d) => d.kind === "VAT_RETURN_DUE")).toMatchObject({
      date: "2027-01-31",
      past: true,
      daysLate: 3,
      choice: false,
    });
  });
});

// Issue #16: one "done" mark for every deadline the owner meets by doing something once.
describe("buildDashboard: deadlines marked done", () => {
  const input: EngineInput = {
    asOf: "2027-02-03",
    business: { establishedIn: "NL", filingPeriod: "quarter", korParticipations: [{ from: "2026-01-01" }] },
    transactions: [tx("a", "2026-02-10", 1_950_000), tx("x", "2026-11-20", 100_000)],
  };
  const build = (done?: Map<string, string>, year = 2027) =>
    buildDashboard({ businessId: "b1", year, input, output: evaluate(input, { explain: true }), invoices: new Map(), done });

  it("a late first VAT return after the crossing is a late action with its key until marked done", () => {
    const data = build();
    expect(data.deadlines.find((d) => d.kind === "VAT_RETURN_DUE")).toMatchObject({
      key: "VAT_RETURN_DUE:2026-Q4",
      daysLate: 3,
      doneOn: null,
    });
    expect(data.actions.find((a) => a.kind === "vatReturn")).toMatchObject({
      level: "critical",
      deadline: "2027-01-31",
      daysLate: 3,
      deadlineKey: "VAT_RETURN_DUE:2026-Q4",
      doneOn: null,
      params: { period: "2026-Q4" },
    });
  });

  it("a done deadline shows as done with its date: not late, level info, last in the list", () => {
    const data = build(new Map([["VAT_RETURN_DUE:2026-Q4", "2027-02-01"]]));
    expect(data.deadlines.find((d) => d.kind === "VAT_RETURN_DUE")).toMatchObject({
      key: "VAT_RETURN_DUE:2026-Q4",
      daysLate: null,
      doneOn: "2027-02-01",
    });
    const action = data.actions.find((a) => a.kind === "vatReturn");
    expect(action).toMatchObject({ level: "info", daysLate: null, doneOn: "2027-02-01" });
    expect(data.actions.at(-1)).toBe(action);
  });

  it("a mark of another period does not count", () => {
    const data = build(new Map([["VAT_RETURN_DUE:2026-Q3", "2027-02-01"]]));
    expect(data.actions.find((a) => a.kind === "vatReturn")).toMatchObject({ daysLate: 3, doneOn: null });
  });

  it("the next EU-KOR quarterly report skips one marked as filed, and shows the filed one as done", () => {
    const eu: EngineInput = {
      asOf: "2026-10-10",
      business: { establishedIn: "NL", filingPeriod: "quarter", euKor: { memberStates: ["BE"] } },
      transactions: [tx("a", "2026-08-10", 100_000)],
    };
    const make = (done?: Map<string, string>) =>
      buildDashboard({ businessId: "b1", year: 2026, input: eu, output: evaluate(eu, { explain: true }), invoices: new Map(), done });
    expect(
      make()
        .actions.filter((a) => a.kind === "euReport")
        .map((a) => [a.deadlineKey, a.doneOn]),
    ).toEqual([["EU_KOR_REPORT_DUE:2026-Q3", null]]);
    const filed = make(new Map([["EU_KOR_REPORT_DUE:2026-Q3", "2026-10-05"]]));
    expect(filed.actions.filter((a) => a.kind === "euReport").map((a) => [a.deadlineKey, a.doneOn, a.level])).toEqual([
      ["EU_KOR_REPORT_DUE:2026-Q4", null, "info"],
      ["EU_KOR_REPORT_DUE:2026-Q3", "2026-10-05", "info"],
    ]);
  });
});

// Behaviour of `evaluate` beyond the vectors: the choices made where docs/domain/KOR-RULES.md leaves
// something open (each test names its section), who gets which alert, deadlines,
// explanations and purity.

import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { input, nlBusiness, tx } from "./test-helpers";
import type { EngineInput } from "./types";

const inKor = (extra: Partial<EngineInput["business"]> = {}) => nlBusiness({ korParticipations: [{ from: "2024-01-01" }], ...extra });
const codes = (out: ReturnType<typeof evaluate>) => out.alerts.map((a) => a.code);

describe("counting (§2)", () => {
  it("lists a year that only has non-counting transactions, with zero totals", () => {
    const out = evaluate(input("2026-06-01", [tx("p", "2025-03-01", 50_000, { category: "PRIVATE_USE" }), tx("a", "2026-03-01", 10_000)]));
    expect(out.years["2025"]).toMatchObject({ korTurnoverCents: 0, unionTurnoverCents: 0, memberStateTurnoverCents: {} });
  });

  it("leaves a member state out when its total nets to zero", () => {
    const out = evaluate(
      input("2026-06-01", [
        tx("d", "2026-03-01", 50_000, { category: "EU_LOCAL", country: "DE" }),
        tx("dc", "2026-03-05", -50_000, { category: "EU_LOCAL", country: "DE" }),
        tx("n", "2026-03-06", 1_000),
      ]),
    );
    expect(out.years["2026"]!.memberStateTurnoverCents).toEqual({ NL: 1_000 });
  });

  it("orders a same-day mix: sequenced first, then unsequenced in input order (C, §2)", () => {
    const out = evaluate(
      input(
        "2026-12-31",
        [
          tx("big", "2026-01-01", 1_990_000),
          tx("u1", "2026-10-01", 5_000),
          tx("s2", "2026-10-01", 3_000, { sequence: 2 }),
          tx("s1", "2026-10-01", 4_000, { sequence: 1 }),
        ],
        inKor(),
      ),
    );
    // 19,900 + 40 (s1) + 30 (s2) = 19,970; + 50 (u1) = 20,020: u1 crosses.
    expect(out.kor.crossings[0]).toMatchObject({ transactionId: "u1", atRisk: [] });
    expect(out.kor.remediation!.transactionIds).toEqual(["u1"]);
  });
});

describe("NL KOR crossing and participation (§3.2, §3.4)", () => {
  it("records a non-participant's crossing without KOR alerts, and closes next year", () => {
    const out = evaluate(input("2026-12-31", [tx("a", "2026-02-01", 1_900_000), tx("b", "2026-03-01", 200_000, { vatCents: 42_000 })]));
    expect(out.kor.crossings).toMatchObject([{ transactionId: "b", whileParticipating: false }]);
    expect(out.kor.eligibility).toEqual({ "2026": false, "2027": false });
    expect(out.kor.remediation).toBeNull();
    expect(out.kor.earliestRejoin).toBeNull();
    expect(codes(out).filter((c) => c.startsWith("KOR_"))).toEqual([]);
  });

  it("keeps next year open when a non-participant's crossing is undone by a credit note (C, §3.1)", () => {
    const out = evaluate(
      input("2026-01-15", [tx("a", "2025-02-01", 1_900_000), tx("b", "2025-03-01", 200_000), tx("c", "2025-04-01", -150_000)]),
    );
    expect(out.years["2025"]!.korTurnoverCents).toBe(1_950_000);
    expect(out.kor.crossings).toHaveLength(1);
    expect(out.kor.eligibility["2026"]).toBe(true);
    const check = out.kor.eligibilityDetails["2026"]!.checks.find((c) => c.ruleId === "kor.previousYearTotal");
    expect(check).toMatchObject({ passed: true, interpretation: true });
  });

  it("raises KOR_VAT_ON_INVOICE before the crossing only — after it VAT is due", () => {
    const out = evaluate(
      input(
        "2026-12-31",
        [
          tx("v1", "2026-02-01", 100_000, { vatCents: 21_000 }),
          tx("a", "2026-03-01", 1_950_000),
          tx("v2", "2026-11-01", 100_000, { vatCents: 21_000 }),
        ],
        inKor(),
      ),
    );
    const vatAlerts = out.alerts.filter((a) => a.code === "KOR_VAT_ON_INVOICE");
    expect(vatAlerts.map((a) => a.transactionId)).toEqual(["v1"]);
    expect(vatAlerts[0]).toMatchObject({ level: "critical", rule: "§3.5", interpretation: true, date: "2026-02-01" });
    expect(out.kor.crossings[0]!.transactionId).toBe("a");
    expect(out.kor.remediation!.transactionIds).toEqual(["a"]);
  });

  it("raises 80% and 95% once each, only the highest when one invoice passes both, none on the crossing invoice", () => {
    const steps = evaluate(
      input(
        "2026-12-31",
        [tx("a", "2026-01-10", 1_600_000), tx("b", "2026-02-10", 300_000), tx("c", "2026-03-10", 50_000), tx("d", "2026-04-10", 100_000)],
        inKor(),
      ),
    );
    expect(steps.alerts.filter((a) => a.code === "KOR_THRESHOLD_APPROACHING").map((a) => [a.transactionId, a.threshold])).toEqual([
      ["a", 80],
      ["b", 95],
    ]);
    const jump = evaluate(input("2026-12-31", [tx("a", "2026-01-10", 1_000_000), tx("b", "2026-02-10", 950_000)], inKor()));
    expect(jump.alerts.filter((a) => a.code === "KOR_THRESHOLD_APPROACHING").map((a) => a.threshold)).toEqual([95]);
    const straight = evaluate(input("2026-12-31", [tx("a", "2026-01-10", 1_000_000), tx("b", "2026-02-10", 1_500_000)], inKor()));
    expect(codes(straight)).toEqual(["KOR_THRESHOLD_CROSSED"]);
  });

  it("gives every alert a rule, a level, a date, both languages and an outbox key", () => {
    const out = evaluate(
      input("2025-11-04", [tx("t1", "2025-01-15", 1_000_000), tx("t2", "2025-06-10", 995_000), tx("t3", "2025-11-04", 60_000)], inKor()),
    );
    const crossed = out.alerts.find((a) => a.code === "KOR_THRESHOLD_CROSSED")!;
    expect(crossed).toMatchObject({
      level: "critical",
      date: "2025-11-04",
      transactionId: "t3",
      rule: "§3.2",
      threshold: 100,
      key: "KOR_THRESHOLD_CROSSED:2025:100",
    });
    expect(crossed.message).toBe(crossed.messages.nl);
    expect(crossed.messages.nl).toMatch(/uiterlijk 31 januari 2026/);
    expect(crossed.messages.en).toMatch(/VAT is due from 4 November 2025/);
    for (const a of out.alerts) {
      expect(a.rule).toMatch(/^§\d/);
      expect(a.messages.nl.length).toBeGreaterThan(20);
      expect(a.messages.en.length).toBeGreaterThan(20);
    }
  });

  it("names the same-day invoices at risk in the crossing alert (§2)", () => {
    const out = evaluate(
      input("2026-12-31", [tx("a", "2026-01-10", 1_990_000), tx("x", "2026-10-01", 15_000), tx("y", "2026-10-01", 5_000)], inKor()),
    );
    const crossed = out.alerts.find((a) => a.code === "KOR_THRESHOLD_CROSSED")!;
    expect(crossed.transactionIds).toEqual(["x", "y"]);
    expect(crossed.messages.en).toMatch(/x, y/);
  });

  it("ends participation at the crossing: a later year's crossing is not while participating", () => {
    const out = evaluate(input("2026-12-31", [tx("a", "2025-06-01", 2_100_000), tx("b", "2026-06-01", 2_100_000)], inKor()));
    expect(out.kor.crossings.map((c) => [c.year, c.whileParticipating])).toEqual([
      [2025, true],
      [2026, false],
    ]);
    expect(out.kor.participatingOnAsOf).toBe(false);
    // Remediation runs on into later years (§3.3).
    expect(out.kor.remediation!.transactionIds).toEqual(["a", "b"]);
  });

  it("stops remediation where a later, legitimate participation begins", () => {
    const business = nlBusiness({ korParticipations: [{ from: "2024-01-01" }, { from: "2027-01-01" }] });
    // The open first period is cut by the crossing; the schema would reject overlapping input, so build it as the engine sees it.
    business.korParticipations = [{ from: "2024-01-01", to: "2026-12-31" }, { from: "2027-01-01" }];
    const out = evaluate(
      input("2027-06-30", [tx("a", "2025-06-01", 2_100_000), tx("b", "2026-06-01", 10_000), tx("c", "2027-03-01", 10_000)], business),
    );
    expect(out.kor.remediation!.transactionIds).toEqual(["a", "b"]);
    expect(out.kor.earliestRejoin).toBeNull();
    expect(out.kor.participatingOnAsOf).toBe(true);
  });

  it("flags a participation that starts inside the exclusion window (§3.4)", () => {
    const business = nlBusiness({ korParticipations: [{ from: "2024-01-01", to: "2025-03-31" }, { from: "2026-01-01" }] });
    const out = evaluate(input("2026-06-30", [tx("a", "2026-02-01", 10_000)], business));
    expect(out.alerts.find((a) => a.code === "KOR_PARTICIPATION_IN_EXCLUSION")).toMatchObject({ date: "2026-01-01", rule: "§3.4" });
  });

  it("counts the exclusion from a 1 January effective date (C, §3.4)", () => {
    const out = evaluate(input("2026-03-01", [], nlBusiness({ korParticipations: [{ from: "2023-01-01", to: "2025-12-31" }] })));
    expect(out.kor.exclusion).toEqual({ from: "2026-01-01", to: "2027-12-31" });
    expect(out.kor.earliestRejoin).toBe("2028-01-01");
  });

  it("accepts a fixed establishment before 2025 and not since (§3.1)", () => {
    const business = nlBusiness({ establishedIn: "DE", fixedEstablishmentOnly: true });
    expect(evaluate(input("2024-06-01", [], business)).kor.eligibility).toEqual({ "2024": true, "2025": false });
  });
});

describe("EU-KOR (§4)", () => {
  it("raises EU-KOR alerts only for a business with EU-KOR settings", () => {
    const txs = [tx("n", "2026-02-01", 9_000_000), tx("d", "2026-03-01", 2_000_000, { category: "EU_LOCAL", country: "DE" })];
    expect(codes(evaluate(input("2026-12-31", txs))).filter((c) => c.startsWith("EU_KOR"))).toEqual([]);
    const withEu = evaluate(input("2026-12-31", txs, nlBusiness({ euKor: { memberStates: ["DE"] } })));
    expect(codes(withEu)).toEqual(expect.arrayContaining(["EU_KOR_THRESHOLD_APPROACHING", "EU_KOR_THRESHOLD_CROSSED"]));
    // The crossing is recorded either way.
    expect(evaluate(input("2026-12-31", txs)).euKor.crossings).toHaveLength(1);
  });

  it("reports the supplies since the start of the quarter with the crossing", () => {
    const out = evaluate(
      input(
        "2026-09-30",
        [
          tx("n1", "2026-03-01", 9_000_000),
          tx("d1", "2026-07-01", 600_000, { category: "EU_LOCAL", country: "DE" }),
          tx("n2", "2026-08-01", 300_000),
          tx("d2", "2026-09-01", 200_000, { category: "EU_LOCAL", country: "DE" }),
          tx("n3", "2026-09-02", 100_000),
        ],
        nlBusiness({ euKor: { memberStates: ["DE", "BE"] } }),
      ),
    );
    expect(out.euKor.crossings[0]).toMatchObject({ transactionId: "d2", notifyBy: "2026-09-22" });
    expect(out.euKor.crossings[0]!.suppliesSinceQuarterStartCents).toEqual({ NL: 300_000, DE: 800_000, BE: 0 });
    expect(out.deadlines.find((d) => d.kind === "EU_KOR_NOTIFY_BY")).toMatchObject({ date: "2026-09-22", rule: "§4" });
  });

  it("without chosen states, reports every state with turnover, the home state as not eligible", () => {
    const out = evaluate(
      input("2026-12-31", [tx("n", "2026-02-01", 100_000), tx("d", "2026-03-01", 100_000, { category: "EU_LOCAL", country: "DE" })]),
    );
    expect(out.euKor.eligibility).toEqual({ "2026": { DE: true, NL: false }, "2027": { DE: true, NL: false } });
  });

  it("applies a threshold override to both years and drops the state's ceiling", () => {
    const txs = [tx("d", "2026-03-01", 3_000_000, { category: "EU_LOCAL", country: "DE" })];
    const business = nlBusiness({ euKor: { memberStates: ["DE"] } });
    expect(evaluate(input("2026-12-31", txs, business)).euKor.eligibility["2026"]).toEqual({ DE: true });
    const overridden = evaluate(input("2026-12-31", txs, business, { rules: { memberStateThresholdsCents: { DE: 2_200_000 } } }));
    expect(overridden.euKor.eligibility["2026"]).toEqual({ DE: false });
    expect(overridden.euKor.memberStateCrossings).toMatchObject([{ state: "DE", limitCents: 2_200_000, transactionId: "d" }]);
  });

  it("alerts a chosen state's crossing once, on the crossing invoice; not an unchosen state's, nor a state without an exemption", () => {
    const txs = [
      tx("d1", "2026-02-01", 1_500_000, { category: "EU_LOCAL", country: "DE" }),
      tx("d2", "2026-03-01", 1_000_000, { category: "EU_LOCAL", country: "DE" }),
      tx("d3", "2026-04-01", 1_000_000, { category: "EU_LOCAL", country: "DE" }),
      tx("b1", "2026-03-01", 3_000_000, { category: "EU_LOCAL", country: "BE" }),
      tx("f1", "2026-03-01", 3_000_000, { category: "EU_LOCAL", country: "FR" }),
    ];
    const rules = { rules: { memberStateThresholdsCents: { DE: 2_000_000, BE: 2_000_000, FR: null } } };
    const out = evaluate(input("2026-12-31", txs, nlBusiness({ euKor: { memberStates: ["DE", "FR"] } }), rules));
    // BE crosses too (the same day, after d2 in input order), but the exemption is not used there; FR has none to cross.
    expect(out.euKor.memberStateCrossings.map((c) => [c.state, c.transactionId])).toEqual([
      ["DE", "d2"],
      ["BE", "b1"],
    ]);
    const alerts = out.alerts.filter((a) => a.code === "EU_KOR_MEMBER_STATE_THRESHOLD_CROSSED");
    expect(alerts).toMatchObject([
      { level: "critical", year: 2026, date: "2026-03-01", transactionId: "d2", key: "EU_KOR_MEMBER_STATE_THRESHOLD_CROSSED:2026:100:DE" },
    ]);
    expect(alerts[0]!.messages.en).toContain("DE went over its");
    expect(alerts[0]).toMatchObject({ state: "DE", rule: "§4" });
    const unused = evaluate(input("2026-12-31", txs, nlBusiness(), rules));
    expect(unused.alerts.filter((a) => a.code === "EU_KOR_MEMBER_STATE_THRESHOLD_CROSSED")).toEqual([]);
  });

  it("does not exist before 2025", () => {
    const out = evaluate(
      input(
        "2024-06-01",
        [tx("d", "2024-03-01", 100_000, { category: "EU_LOCAL", country: "DE" })],
        nlBusiness({ euKor: { memberStates: ["DE"] } }),
      ),
    );
    expect(out.euKor.eligibility).toEqual({ "2024": { DE: false }, "2025": { DE: true } });
  });
});

describe("distance sales (§1, art. 59c)", () => {
  it("raises nothing when every distance sale already carries the customer's VAT", () => {
    const out = evaluate(input("2026-12-31", [tx("f", "2026-03-01", 2_000_000, { category: "EU_B2C_FOREIGN_VAT", country: "DE" })]));
    expect(out.alerts).toEqual([]);
    expect(out.years["2026"]!.distanceSalesCents).toBe(2_000_000);
  });

  it("is critical when sales after the crossing are still booked with Dutch VAT", () => {
    const out = evaluate(
      input("2026-12-31", [
        tx("a", "2026-03-01", 900_000, { category: "EU_B2C_NL_VAT" }),
        tx("b", "2026-04-01", 200_000, { category: "EU_B2C_NL_VAT" }),
        tx("c", "2026-05-01", 100_000, { category: "EU_B2C_NL_VAT" }),
      ]),
    );
    expect(out.alerts).toMatchObject([
      { code: "EU_DISTANCE_SALES_THRESHOLD_CROSSED", level: "critical", transactionId: "b", transactionIds: ["b", "c"] },
    ]);
  });

  it("warns in the next year for every sale still taxed in NL", () => {
    const out = evaluate(
      input("2026-12-31", [
        tx("a", "2025-03-01", 1_100_000, { category: "EU_B2C_NL_VAT" }),
        tx("b", "2026-02-01", 10_000, { category: "EU_B2C_NL_VAT" }),
      ]),
    );
    expect(out.alerts.find((a) => a.code === "EU_DISTANCE_SALES_PREVIOUS_YEAR_EXCEEDED")).toMatchObject({
      year: 2026,
      transactionIds: ["b"],
    });
  });
});

describe("deadlines (§5)", () => {
  it("shows apply-by dates to an eligible business outside the KOR", () => {
    const out = evaluate(input("2026-03-04", [tx("a", "2026-01-10", 100_000)]));
    expect(out.deadlines.filter((d) => d.kind === "KOR_APPLY_BY").map((d) => [d.about, d.date])).toEqual([
      ["2026-07-01", "2026-06-02"],
      ["2026-10-01", "2026-09-02"],
      ["2027-01-01", "2026-12-03"],
      ["2027-04-01", "2027-03-03"],
    ]);
  });

  it("shows no apply-by date for a year that is not open", () => {
    // 2025 over the limit closes 2026; 2027 opens again.
    const out = evaluate(input("2026-03-04", [tx("a", "2025-01-10", 2_500_000)]));
    expect(out.deadlines.filter((d) => d.kind === "KOR_APPLY_BY").map((d) => d.about)).toEqual(["2027-01-01", "2027-04-01"]);
    const excluded = evaluate(input("2026-03-04", [], nlBusiness({ korParticipations: [{ from: "2024-01-01", to: "2025-12-31" }] })));
    expect(excluded.deadlines.filter((d) => d.kind === "KOR_APPLY_BY")).toEqual([]);
  });

  it("shows a participant when a deregistration sent today takes effect, and a scheduled one", () => {
    const today = evaluate(input("2026-03-04", [], inKor({ filingPeriod: "month" })));
    expect(today.deadlines.find((d) => d.kind === "KOR_DEREGISTRATION_EFFECTIVE")).toMatchObject({
      date: "2026-05-01",
      about: "requestToday",
    });
    const scheduled = evaluate(input("2026-03-04", [], nlBusiness({ korParticipations: [{ from: "2024-01-01", to: "2026-06-30" }] })));
    expect(scheduled.deadlines.find((d) => d.kind === "KOR_DEREGISTRATION_EFFECTIVE")).toMatchObject({
      date: "2026-07-01",
      about: "scheduled",
    });
  });

  it("shows the first VAT return after a crossing for the filer's own period", () => {
    const txs = [tx("a", "2025-11-04", 2_100_000)];
    expect(evaluate(input("2025-11-05", txs, inKor())).deadlines.find((d) => d.kind === "VAT_RETURN_DUE")).toMatchObject({
      date: "2026-01-31",
      about: "2025-Q4",
    });
    expect(
      evaluate(input("2025-11-05", txs, inKor({ filingPeriod: "month" }))).deadlines.find((d) => d.kind === "VAT_RETURN_DUE"),
    ).toMatchObject({
      date: "2025-12-31",
      about: "2025-11",
    });
  });

  it("shows the EU-KOR quarterly reports still to come", () => {
    const out = evaluate(input("2026-04-10", [], nlBusiness({ euKor: { memberStates: ["DE"] } })));
    expect(out.deadlines.filter((d) => d.kind === "EU_KOR_REPORT_DUE").map((d) => [d.about, d.date])).toEqual([
      ["2026-Q1", "2026-04-30"],
      ["2026-Q2", "2026-07-31"],
    ]);
  });
});

describe("explanations", () => {
  const txs = [
    tx("a", "2026-01-10", 1_500_000),
    tx("h", "2026-02-10", 900_000, { category: "EXEMPT_OTHER" }),
    tx("r", "2026-03-10", 600_000, { category: "EXEMPT_REAL_ESTATE", ancillary: true }),
    tx("s", "2026-04-10", 400_000, { category: "EU_B2B_SERVICES", country: "DE" }),
  ];

  it("are off by default", () => {
    expect(evaluate(input("2026-12-31", txs)).explanations).toBeUndefined();
  });

  it("list what counted and what did not, with the deciding rule, and add up to the totals", () => {
    const out = evaluate(input("2026-12-31", txs), { explain: true });
    const year = out.explanations!.years["2026"]!;
    expect(year.kor.totalCents).toBe(out.years["2026"]!.korTurnoverCents);
    expect(year.union.totalCents).toBe(out.years["2026"]!.unionTurnoverCents);
    expect(year.kor.counted.map((e) => [e.transactionId, e.runningTotalCents])).toEqual([["a", 1_500_000]]);
    expect(year.kor.notCounted.map((e) => [e.transactionId, e.ruleId])).toEqual([
      ["h", "count.categories"],
      ["r", "count.ancillary"],
      ["s", "count.euB2bServicesState"],
    ]);
    expect(year.kor.notCounted.find((e) => e.transactionId === "r")).toMatchObject({ interpretation: true, rule: "§2" });
    expect(year.union.counted.map((e) => e.transactionId)).toEqual(["a", "s"]);
    expect(Object.keys(year.memberStates)).toEqual(["NL", "DE"]);
    expect(year.memberStates.DE!.totalCents).toBe(400_000);
  });
});

describe("purity", () => {
  it("does not change its input and gives the same answer twice", () => {
    const value = input("2026-12-31", [tx("b", "2026-05-01", 1_500_000), tx("a", "2026-02-01", 900_000)], inKor());
    const copy = structuredClone(value);
    const first = evaluate(value, { explain: true });
    expect(value).toEqual(copy);
    expect(evaluate(value, { explain: true })).toEqual(first);
  });

  it("handles a business with no transactions at all", () => {
    const out = evaluate(input("2026-06-01", []));
    expect(out.years).toEqual({});
    expect(out.kor.eligibility).toEqual({ "2026": true, "2027": true });
    expect(out.alerts).toEqual([]);
    expect(out.projection.kor).toMatchObject({ expectedTotalCents: 0, expectedCrossingDate: null });
  });
});

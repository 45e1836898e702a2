// Which alerts and deadline reminders an evaluation turns into notifications.
import { describe, expect, it } from "vitest";
import { evaluate, type EngineInput, rulesFor } from "@/lib/kor";
import { selectAlerts, withInvoiceNumbers } from "@/lib/features/alerts/select-alerts";
import { renderAlertMail } from "@/lib/platform/mail/render-alert-mail";

const business = { establishedIn: "NL", korParticipations: [{ from: "2025-01-01" }] };
const tx = (id: string, date: string, netCents: number) => ({ id, date, netCents, category: "NL_STANDARD" as const });

function run(input: EngineInput) {
  return selectAlerts(evaluate(input, { explain: true }), input.asOf);
}

describe("selectAlerts", () => {
  it("gives the running total, limit and percent at the invoice that reached a level", () => {
    const alerts = run({
      asOf: "2026-12-20",
      business,
      transactions: [tx("a", "2026-02-01", 1_500_000), tx("b", "2026-03-01", 150_000), tx("c", "2026-04-01", 400_000)],
    });
    expect(alerts.map((a) => a.key)).toEqual(["KOR_THRESHOLD_APPROACHING:2026:80", "KOR_THRESHOLD_CROSSED:2026:100"]);
    expect(alerts[0]!.details).toMatchObject({
      totalCents: 1_650_000,
      limitCents: 2_000_000,
      percent: 82.5,
      threshold: 80,
      transactionId: "b",
    });
    expect(alerts[1]!.details).toMatchObject({
      totalCents: 2_050_000,
      percent: 102.5,
      threshold: 100,
      transactionId: "c",
      deadline: "2026-07-31",
    });
  });

  it("gives the mail the same percentage as the dashboard (one rounding rule)", () => {
    // 16.500,50 of 20.000: the dashboard said 82,5%, the mail 82% before they shared a rule.
    const input: EngineInput = {
      asOf: "2026-12-20",
      business,
      transactions: [tx("a", "2026-02-01", 1_500_000), tx("b", "2026-03-01", 150_050)],
    };
    const [approach] = run(input);
    expect(approach!.details.percent).toBe(82.5);
    const mail = renderAlertMail({
      alert: {
        code: approach!.code,
        level: approach!.level,
        businessId: "b1",
        businessName: "Studio",
        details: approach!.details,
        messages: approach!.messages,
      } as Parameters<typeof renderAlertMail>[0]["alert"],
      recipientName: "Eva",
      locale: "nl",
      appUrl: "http://localhost",
      unsubscribeUrl: "http://localhost/u",
    });
    expect(mail.text).toContain("82,5%");
    expect(mail.text).not.toMatch(/\b82%/);
  });

  it("keeps earlier years quiet except critical alerts of last year", () => {
    const alerts = run({ asOf: "2027-01-10", business, transactions: [tx("a", "2026-02-01", 1_700_000), tx("b", "2026-11-01", 400_000)] });
    expect(alerts.map((a) => a.code)).toEqual(["KOR_THRESHOLD_CROSSED"]);
  });

  it("reminds of an apply-by date 14 and 3 days ahead, once per reminder", () => {
    const notInKor = { establishedIn: "NL", startedOn: "2025-01-01" };
    const lastYear = [tx("a", "2025-03-01", 100_000)];
    const keys = (asOf: string) =>
      run({ asOf, business: notInKor, transactions: lastYear }).filter((a) => a.code === "DEADLINE_KOR_APPLY_BY");
    // Apply by 3 March 2026 for the KOR from 1 April 2026 (§3.4).
    expect(keys("2026-02-10")).toEqual([]);
    expect(keys("2026-02-17").map((a) => [a.key, a.level, a.details.daysLeft])).toEqual([
      ["DEADLINE_KOR_APPLY_BY:2026-03-03:2026-04-01:d14", "warning", 14],
    ]);
    expect(keys("2026-02-20").map((a) => a.key)).toEqual(["DEADLINE_KOR_APPLY_BY:2026-03-03:2026-04-01:d14"]);
    expect(keys("2026-02-28").map((a) => [a.key, a.level])).toEqual([["DEADLINE_KOR_APPLY_BY:2026-03-03:2026-04-01:d3", "critical"]]);
    expect(keys("2026-03-04")).toEqual([]);
  });

  it("puts invoice numbers where the engine names transaction ids", () => {
    const id = "3f1c3a52-8d7e-4a43-9b8e-2f4f0c1d2e3a";
    const [alert] = run({ asOf: "2026-12-20", business, transactions: [tx(id, "2026-02-01", 2_100_000)] });
    const named = withInvoiceNumbers(alert!, new Map([[id, { number: "2026-007", date: "2026-02-01" }]]));
    expect(named.messages.nl).toContain("met 2026-007 op 1 februari 2026");
    expect(named.messages.en).not.toContain(id);
    expect(named.details).toMatchObject({ invoiceNumber: "2026-007", invoiceDate: "2026-02-01" });
  });
});

// Issue #16: after a crossing the business files VAT returns again, the first for the
// period of the crossing (KOR-RULES §3.2). A reminder before its due date and one when it
// is late, each once (its key), none once the return is marked filed.
describe("selectAlerts: the first VAT return after a crossing", () => {
  // Crossing on 20 November 2026: the Q4 return is due on 31 January 2027.
  const crossing = {
    asOf: "",
    business: { establishedIn: "NL", filingPeriod: "quarter" as const, korParticipations: [{ from: "2026-01-01" }] },
    transactions: [tx("a", "2026-02-10", 1_950_000), tx("x", "2026-11-20", 100_000)],
  };
  const reminders = (asOf: string, done?: Map<string, string>) =>
    selectAlerts(evaluate({ ...crossing, asOf }, { explain: true }), asOf, done).filter((a) => a.code === "DEADLINE_VAT_RETURN_DUE");
  const days = rulesFor(2027).firstVatReturnReminder;

  it("reminds the rule table's number of days before the due date, with the period and the due date", () => {
    expect(reminders("2027-01-16")).toEqual([]);
    const [before] = reminders("2027-01-17");
    expect(days.daysBefore).toBe(14);
    expect(before).toMatchObject({
      key: "DEADLINE_VAT_RETURN_DUE:2027-01-31:2026-Q4:d14",
      level: "warning",
      threshold: 14,
      details: { deadline: "2027-01-31", daysLeft: 14, period: "2026-Q4", transactionId: "x" },
    });
    // The same reminder (the same key, so delivered once) until the due date.
    expect(reminders("2027-01-31").map((a) => a.key)).toEqual(["DEADLINE_VAT_RETURN_DUE:2027-01-31:2026-Q4:d14"]);
  });

  it("and once when it is late, within the rule table's days after the due date", () => {
    const [late] = reminders("2027-02-01");
    expect(late).toMatchObject({
      key: "DEADLINE_VAT_RETURN_DUE:2027-01-31:2026-Q4:late",
      level: "critical",
      threshold: null,
      details: { deadline: "2027-01-31", daysLate: 1, period: "2026-Q4" },
    });
    expect(reminders(`2027-02-${String(days.lateWithinDays).padStart(2, "0")}`).map((a) => a.key)).toEqual([
      "DEADLINE_VAT_RETURN_DUE:2027-01-31:2026-Q4:late",
    ]);
    // A crossing entered long after the due date: the crossing's own mail names the date; no late reminder months on.
    expect(reminders("2027-06-01")).toEqual([]);
  });

  it("sends nothing once the return is marked filed", () => {
    const filed = new Map([["VAT_RETURN_DUE:2026-Q4", "2027-01-20"]]);
    expect(reminders("2027-01-20", filed)).toEqual([]);
    expect(reminders("2027-02-01", filed)).toEqual([]);
  });

  it("other deadline reminders stop too once marked done", () => {
    const eu = {
      asOf: "2026-10-20",
      business: { establishedIn: "NL", filingPeriod: "quarter" as const, euKor: { memberStates: ["BE"] } },
      transactions: [tx("a", "2026-08-10", 100_000)],
    };
    const euReminders = (done?: Map<string, string>) =>
      selectAlerts(evaluate(eu, { explain: true }), eu.asOf, done).filter((a) => a.code === "DEADLINE_EU_KOR_REPORT_DUE");
    expect(euReminders().map((a) => a.key)).toEqual(["DEADLINE_EU_KOR_REPORT_DUE:2026-10-31:2026-Q3:d14"]);
    expect(euReminders(new Map([["EU_KOR_REPORT_DUE:2026-Q3", "2026-10-15"]]))).toEqual([]);
  });

  it("mails it in Dutch and English with the period and dates in words", () => {
    const render = (asOf: string, locale: "nl" | "en") => {
      const [alert] = reminders(asOf);
      return renderAlertMail({
        alert: { code: alert!.code, businessId: "b1", businessName: "Studio", details: alert!.details, messages: alert!.messages },
        recipientName: "Eva",
        locale,
        appUrl: "http://localhost",
        unsubscribeUrl: "http://localhost/u",
      });
    };
    expect(render("2027-01-17", "nl").subject).toBe("Studio: btw-aangifte 4e kwartaal 2026 uiterlijk 31 januari 2027");
    expect(render("2027-01-17", "nl").text).toContain("Dien je btw-aangifte");
    expect(render("2027-01-17", "en").subject).toBe("Studio: VAT return Q4 2026 due by 31 January 2027");
    expect(render("2027-02-03", "nl").subject).toBe("Studio: je btw-aangifte 4e kwartaal 2026 is 3 dagen te laat");
    expect(render("2027-02-03", "en").subject).toBe("Studio: your VAT return Q4 2026 is 3 days late");
    expect(render("2027-02-03", "nl").text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

// "Must this invoice carry VAT?" (§3.2–§3.5): the advice for a candidate invoice, put into
// the books at its place. The scenario: in the KOR from 2026-01-01, €19,500 of
// invoices, then €1,000 on 20 November 2026.
import { describe, expect, it } from "vitest";
import { adviseVat, dateInWords, euroInWords } from "./vat-advice";
import { input, nlBusiness, tx } from "./test-helpers";
import type { EngineInput } from "./types";

const inKor = nlBusiness({ korParticipations: [{ from: "2026-01-01" }] });
const books = (
  transactions = [tx("a", "2026-02-10", 650_000), tx("b", "2026-05-12", 650_000), tx("c", "2026-09-01", 650_000)],
  business = inKor,
): EngineInput => input("2026-12-07", transactions, business);
const crossed = () =>
  books([tx("a", "2026-02-10", 650_000), tx("b", "2026-05-12", 650_000), tx("c", "2026-09-01", 650_000), tx("x", "2026-11-20", 100_000)]);

describe("adviseVat", () => {
  it("before the crossing: inside the KOR, no VAT", () => {
    const [advice] = adviseVat(books(), [{ date: "2026-10-01", category: "NL_STANDARD", netCents: 40_000 }]);
    expect(advice).toMatchObject({ status: "participating", mustChargeVat: false, ratePercent: 21, remediation: null, crossing: null });
    expect(advice!.reason.nl).toBe(
      "Je doet op 1 oktober 2026 mee aan de KOR en blijft met deze factuur onder € 20.000: je rekent geen btw.",
    );
  });

  it("the crossing invoice: 21% with the reason, the limit from the rule table", () => {
    const [advice] = adviseVat(books(), [{ date: "2026-11-20", category: "NL_STANDARD", netCents: 100_000 }]);
    expect(advice).toMatchObject({
      status: "crossing",
      mustChargeVat: true,
      ratePercent: 21,
      leftOn: "2026-11-20",
      earliestRejoin: "2028-01-01",
    });
    expect(advice!.crossing).toMatchObject({ date: "2026-11-20", thisInvoice: true, atRisk: [] });
    expect(advice!.reason.nl).toBe("Deze factuur brengt je omzet boven € 20.000: vanaf deze factuur reken je btw.");
    expect(advice!.reason.en).toBe("This invoice takes your turnover over €20,000: from this invoice on, you charge VAT.");
    // Sent at 0%: both remedies of §3.3 for this invoice.
    expect(advice!.remediation).toEqual({ reinvoiceVatCents: 21_000, absorbedVatCents: 17_355 });
  });

  it("the crossing at 9%: the category's rate", () => {
    const [advice] = adviseVat(books(), [{ date: "2026-11-20", category: "NL_REDUCED", netCents: 100_000, vatCents: 9_000 }]);
    expect(advice).toMatchObject({
      status: "crossing",
      mustChargeVat: true,
      ratePercent: 9,
      remediation: null,
      vatWhileParticipating: false,
    });
  });

  it("editing the stored crossing invoice keeps it the crossing one", () => {
    const [advice] = adviseVat(crossed(), [
      { date: "2026-11-20", category: "NL_STANDARD", netCents: 100_000, vatCents: 21_000, replaces: "x" },
    ]);
    expect(advice).toMatchObject({ status: "crossing", mustChargeVat: true, crossing: { transactionId: "x", thisInvoice: true } });
  });

  it("after the crossing: VAT, no warning when charged, remediation when not", () => {
    const [withVat, without] = adviseVat(crossed(), [
      { date: "2026-11-25", category: "NL_STANDARD", netCents: 50_000, vatCents: 10_500 },
      { date: "2026-12-01", category: "NL_STANDARD", netCents: 80_000 },
    ]);
    expect(withVat).toMatchObject({ status: "afterCrossing", mustChargeVat: true, vatWhileParticipating: false, remediation: null });
    expect(withVat!.reason.nl).toBe("Je omzet kwam op 20 november 2026 boven € 20.000: sindsdien reken je btw.");
    expect(without).toMatchObject({
      status: "afterCrossing",
      mustChargeVat: true,
      remediation: { reinvoiceVatCents: 16_800, absorbedVatCents: 13_884 },
    });
  });

  it("the stored KOR period is not needed to end: the crossing ends participation", () => {
    const [advice] = adviseVat(crossed(), [{ date: "2026-11-21", category: "NL_STANDARD", netCents: 1_000 }]);
    expect(advice!.mustChargeVat).toBe(true);
  });

  it("same day without sequence: the order is open, so VAT until the order is given", () => {
    const base = books([
      tx("a", "2026-02-10", 650_000),
      tx("b", "2026-05-12", 650_000),
      tx("c", "2026-09-01", 650_000),
      tx("y", "2026-11-20", 40_000),
    ]);
    // 19,500 + 400 (y) = 19,900; + 1,000 = 20,900: the new one crosses in input order, but y could as well.
    const [advice] = adviseVat(base, [{ date: "2026-11-20", category: "NL_STANDARD", netCents: 100_000 }]);
    expect(advice).toMatchObject({ status: "crossingAtRisk", mustChargeVat: true, sameDay: ["y"] });
    expect(advice!.crossing!.atRisk).toEqual(["y"]);
    expect(advice!.reason.nl).toContain("geef de volgorde aan");
  });

  it("same day with sequence: the order is fixed and decides", () => {
    const base = books([
      tx("a", "2026-02-10", 650_000),
      tx("b", "2026-05-12", 650_000),
      tx("c", "2026-09-01", 650_000),
      tx("y", "2026-11-20", 40_000, { sequence: 2 }),
    ]);
    const [first] = adviseVat(base, [{ date: "2026-11-20", category: "NL_STANDARD", netCents: 100_000, sequence: 1 }]);
    // 19,500 + 1,000 = 20,500: the new one (sequence 1) crosses; y (sequence 2) comes after.
    expect(first).toMatchObject({ status: "crossing", mustChargeVat: true, sameDay: ["y"] });
    const [second] = adviseVat(base, [{ date: "2026-11-20", category: "NL_STANDARD", netCents: 40_000, sequence: 3 }]);
    // y (400, sequence 2) first: 19,900; then 400 more: 20,300: this one crosses.
    expect(second).toMatchObject({ status: "crossing" });
    const small = books([
      tx("a", "2026-02-10", 650_000),
      tx("b", "2026-05-12", 650_000),
      tx("c", "2026-09-01", 650_000),
      tx("y", "2026-11-20", 100_000, { sequence: 2 }),
    ]);
    const [before] = adviseVat(small, [{ date: "2026-11-20", category: "NL_STANDARD", netCents: 10_000, sequence: 1 }]);
    // 19,500 + 100 = 19,600 (sequence 1), then y crosses: this one is still inside the KOR.
    expect(before).toMatchObject({ status: "participating", mustChargeVat: false, crossing: { transactionId: "y", thisInvoice: false } });
  });

  it("the next year: excluded from rejoining, VAT, with the earliest rejoin date", () => {
    const [advice] = adviseVat(crossed(), [{ date: "2027-02-01", category: "NL_STANDARD", netCents: 50_000 }]);
    expect(advice).toMatchObject({ status: "excluded", mustChargeVat: true, leftOn: "2026-11-20", earliestRejoin: "2028-01-01" });
    expect(advice!.reason.nl).toBe(
      "Je bent op 20 november 2026 uit de KOR gegaan en kunt pas vanaf 1 januari 2028 weer meedoen: je rekent btw.",
    );
  });

  it("a period the owner starts inside the exclusion does not count", () => {
    const business = nlBusiness({ korParticipations: [{ from: "2026-01-01" }, { from: "2027-04-01" }] });
    const base = books(
      [tx("a", "2026-02-10", 650_000), tx("b", "2026-05-12", 650_000), tx("c", "2026-09-01", 650_000), tx("x", "2026-11-20", 100_000)],
      business,
    );
    const [advice] = adviseVat(base, [{ date: "2027-05-01", category: "NL_STANDARD", netCents: 50_000 }]);
    expect(advice).toMatchObject({ status: "excluded", mustChargeVat: true });
  });

  it("a business not in the KOR: the category's rate, or none", () => {
    const [standard, exempt] = adviseVat(books(undefined, nlBusiness()), [
      { date: "2026-10-01", category: "NL_STANDARD", netCents: 40_000 },
      { date: "2026-10-01", category: "EXEMPT_OTHER", netCents: 40_000 },
    ]);
    expect(standard).toMatchObject({ status: "notInKor", mustChargeVat: true, ratePercent: 21, remediation: null });
    expect(standard!.reason.nl).toBe("Je doet op 1 oktober 2026 niet mee aan de KOR: je rekent 21% btw.");
    expect(exempt).toMatchObject({ status: "notInKor", mustChargeVat: false, ratePercent: null });
  });

  it("VAT on an invoice inside the KOR is flagged for a confirmation", () => {
    const [advice] = adviseVat(books(), [{ date: "2026-10-01", category: "NL_STANDARD", netCents: 10_000, vatCents: 2_100 }]);
    expect(advice).toMatchObject({ status: "participating", vatWhileParticipating: true });
  });

  it("import rows affect each other: the second row crosses", () => {
    const [first, second] = adviseVat(books(), [
      { date: "2026-11-01", category: "NL_STANDARD", netCents: 40_000 },
      { date: "2026-11-02", category: "NL_STANDARD", netCents: 20_000 },
    ]);
    expect(first!.status).toBe("participating");
    expect(second!.status).toBe("crossing");
    expect(second!.crossing!.transactionId).toBe("");
  });

  it("writes dates and amounts in words", () => {
    expect(dateInWords("2026-11-20", "nl")).toBe("20 november 2026");
    expect(dateInWords("2026-11-20", "en")).toBe("20 November 2026");
    expect(euroInWords(2_000_000, "nl")).toBe("€ 20.000");
    expect(euroInWords(1_234_56, "nl")).toBe("€ 1.234,56");
  });
});

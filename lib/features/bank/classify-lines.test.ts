import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classifyLines, counterpartyKey, type ClassifyContext } from "@/lib/features/bank/classify-lines";
import { parseBankStatement } from "@/lib/features/bank/formats";
import type { BankLine } from "@/lib/features/bank/statement.types";

const fixture = (name: string) =>
  parseBankStatement(readFileSync(path.join(import.meta.dirname, "../../../test/fixtures/bank/camt053", name), "utf8"));

const empty: ClassifyContext = {
  ownAccounts: new Set(["NL91ABNA0417164300"]),
  ownerNames: [],
  openInvoices: [],
  earlierDebits: new Set(),
  rules: new Map(),
};

const line = (overrides: Partial<BankLine>): BankLine => ({
  externalId: "x",
  bookingDate: "2026-11-05",
  valueDate: null,
  amountCents: 10_000,
  currency: "EUR",
  originalAmount: null,
  counterpartyName: "Klant B.V.",
  counterpartyIban: "NL20INGB0001234567",
  description: "",
  endToEndId: null,
  transactionCode: null,
  reversal: false,
  batch: null,
  ...overrides,
});

describe("classifyLines", () => {
  it("makes money in a candidate and keeps money out as outgoing", () => {
    const verdicts = classifyLines(fixture("plain.xml").lines, empty);
    expect(verdicts.map((v) => v.status)).toEqual(["CANDIDATE", "OUTGOING", "CANDIDATE"]);
  });

  it("matches an existing invoice by its number in the description, each invoice once", () => {
    const invoice = { id: "inv-14", number: "2026-014", date: "2026-10-20", grossCents: 60_500, customerName: "Bakkerij de Vries" };
    const lines = fixture("plain.xml").lines;
    const verdicts = classifyLines([lines[0]!, { ...lines[0]!, externalId: "again" }], { ...empty, openInvoices: [invoice] });
    expect(verdicts).toEqual([{ status: "MATCHED", invoiceId: "inv-14" }, { status: "CANDIDATE" }]);
  });

  it("matches by amount and customer name (legal form and case aside), not by amount alone, nor an invoice dated after the payment", () => {
    const invoice = { id: "inv-9", number: "A-9", date: "2026-11-01", grossCents: 10_000, customerName: "KLANT bv" };
    expect(classifyLines([line({})], { ...empty, openInvoices: [invoice] })).toEqual([{ status: "MATCHED", invoiceId: "inv-9" }]);
    expect(classifyLines([line({ counterpartyName: "Iemand anders" })], { ...empty, openInvoices: [invoice] })).toEqual([
      { status: "CANDIDATE" },
    ]);
    expect(classifyLines([line({})], { ...empty, openInvoices: [{ ...invoice, date: "2026-11-06" }] })).toEqual([{ status: "CANDIDATE" }]);
  });

  it("does not take a short number in the text for an invoice number unless the amount agrees", () => {
    const invoice = { id: "inv-3", number: "14", date: "2026-11-01", grossCents: 99_900, customerName: "Ander" };
    expect(classifyLines([line({ description: "Les 14 november" })], { ...empty, openInvoices: [invoice] })[0]!.status).toBe("CANDIDATE");
    expect(
      classifyLines([line({ description: "Factuur 14", amountCents: 99_900 })], { ...empty, openInvoices: [invoice] })[0]!.status,
    ).toBe("MATCHED");
  });

  it("leaves out a transfer from the business's own account, with the reason", () => {
    const verdicts = classifyLines(fixture("year-end.xml").lines, {
      ...empty,
      ownAccounts: new Set(["NL91ABNA0417164300", "NL02ABNA0123456789"]),
    });
    expect(verdicts).toEqual([{ status: "CANDIDATE" }, { status: "EXCLUDED", exclusion: "OWN_ACCOUNT" }, { status: "CANDIDATE" }]);
  });

  it("leaves out a payment the bank took back in the same file, and the reversal itself", () => {
    expect(classifyLines(fixture("reversal.xml").lines, empty)).toEqual([
      { status: "EXCLUDED", exclusion: "REVERSAL" },
      { status: "OUTGOING" },
    ]);
    expect(classifyLines([line({ reversal: true })], empty)).toEqual([{ status: "EXCLUDED", exclusion: "REVERSAL" }]);
    expect(classifyLines([line({ transactionCode: "PMNT/ICDT/RRTN" })], empty)).toEqual([{ status: "EXCLUDED", exclusion: "REVERSAL" }]);
  });

  it("recognises refunds: by their words, or the same amount back from someone paid before", () => {
    expect(classifyLines([line({ description: "Terugbetaling bestelling 55" })], empty)[0]).toEqual({
      status: "EXCLUDED",
      exclusion: "REFUND",
    });
    const paidBefore = line({ amountCents: -4_999, counterpartyName: "Webshop", counterpartyIban: "NL44RABO0123456789" });
    const back = line({ amountCents: 4_999, counterpartyName: "Webshop", counterpartyIban: "NL44RABO0123456789" });
    expect(classifyLines([paidBefore, back], empty)[1]).toEqual({ status: "EXCLUDED", exclusion: "REFUND" });
    expect(classifyLines([back], { ...empty, earlierDebits: new Set([`NL44RABO0123456789|4999`]) })[0]).toEqual({
      status: "EXCLUDED",
      exclusion: "REFUND",
    });
  });

  it("recognises a private deposit: by its words or a payment from the owner's own name", () => {
    expect(classifyLines([line({ description: "Storting privé" })], empty)[0]).toEqual({
      status: "EXCLUDED",
      exclusion: "PRIVATE_DEPOSIT",
    });
    expect(classifyLines([line({ counterpartyName: "E. de Wit" })], { ...empty, ownerNames: ["e. de wit"] })[0]).toEqual({
      status: "EXCLUDED",
      exclusion: "PRIVATE_DEPOSIT",
    });
  });

  it("applies the counterparty's rule: never turnover, or always turnover", () => {
    const key = counterpartyKey(line({}))!;
    expect(classifyLines([line({})], { ...empty, rules: new Map([[key, { key, decision: "NOT_TURNOVER" as const }]]) })[0]).toEqual({
      status: "EXCLUDED",
      exclusion: "COUNTERPARTY_RULE",
    });
    expect(classifyLines([line({})], { ...empty, rules: new Map([[key, { key, decision: "TURNOVER" as const }]]) })[0]).toEqual({
      status: "RULE_TURNOVER",
      ruleKey: key,
    });
    // A name-only counterparty is keyed by its normalised name.
    expect(counterpartyKey({ counterpartyIban: null, counterpartyName: "C. Visser" })).toBe("name:c visser");
  });
});

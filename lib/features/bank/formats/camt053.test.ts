import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBankStatement } from "@/lib/features/bank/formats";
import { camt053Parser } from "@/lib/features/bank/formats/camt053";
import { BankStatementError } from "@/lib/features/bank/statement.types";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../../../../test/fixtures/bank/camt053", name), "utf8");

describe("CAMT.053", () => {
  it("reads a plain day statement: account, period, balances, credits and debits, only booked entries", () => {
    const statement = parseBankStatement(fixture("plain.xml"));
    expect(statement).toMatchObject({
      format: "camt053",
      accountIban: "NL91ABNA0417164300",
      currency: "EUR",
      statementId: "20261105-0417164300",
      fromDate: "2026-11-05",
      toDate: "2026-11-05",
      openingBalanceCents: 150_000,
      closingBalanceCents: 227_845,
    });
    expect(statement.lines).toHaveLength(3);
    const [invoicePaid, supplier, noReference] = statement.lines;
    expect(invoicePaid).toEqual({
      externalId: "ABN-20261105-000001",
      bookingDate: "2026-11-05",
      valueDate: "2026-11-05",
      amountCents: 60_500,
      currency: "EUR",
      originalAmount: null,
      counterpartyName: "Bakkerij de Vries B.V.",
      counterpartyIban: "NL20INGB0001234567",
      description: "Factuur 2026-014 logo ontwerp",
      endToEndId: "E2E-2026-014",
      transactionCode: "PMNT/RCDT/ESCT",
      reversal: false,
      batch: null,
    });
    expect(supplier).toMatchObject({
      amountCents: -7_655,
      counterpartyName: "Drukkerij Noord",
      counterpartyIban: "NL44RABO0123456789",
      description: "Visitekaartjes order 5531",
      endToEndId: null,
    });
    // No AcctSvcrRef and no NtryRef: the hash rule, with the IBAN in electronic format.
    expect(noReference).toMatchObject({ amountCents: 25_000, counterpartyIban: "NL69INGB0123456789", counterpartyName: "J. Jansen" });
    expect(noReference!.externalId).toMatch(/^h:[0-9a-f]{32}$/);
  });

  it("gives a line without a bank reference the same identity on every reading, and identical lines different ones", () => {
    const once = parseBankStatement(fixture("plain.xml")).lines[2]!.externalId;
    expect(parseBankStatement(fixture("plain.xml")).lines[2]!.externalId).toBe(once);
    const xml = fixture("plain.xml");
    const entry = /<Ntry>\s*<Amt Ccy="EUR">250\.00<\/Amt>[\s\S]*?<\/Ntry>/.exec(xml)![0];
    const doubled = parseBankStatement(xml.replace(entry, `${entry}${entry}`)).lines.filter((line) => line.amountCents === 25_000);
    expect(doubled).toHaveLength(2);
    expect(doubled[0]!.externalId).toBe(once);
    expect(doubled[1]!.externalId).not.toBe(once);
  });

  it("splits a batch entry into its transactions (v08: prefixed namespace, Sts/Cd, Pty/Nm)", () => {
    const statement = parseBankStatement(fixture("batch.xml"));
    expect(statement.accountIban).toBe("NL91ABNA0417164300");
    expect(statement.lines.map((line) => [line.externalId, line.amountCents, line.counterpartyName, line.description])).toEqual([
      ["ABN-BATCH-77-1", 10_000, "A. de Boer", "Bestelling 1001"],
      ["ABN-BATCH-77-2", 15_000, "B. Bakker", "Bestelling 1002"],
      ["ABN-BATCH-77/3", 5_000, "C. Visser", "RF18539007547034"],
    ]);
    expect(statement.lines.every((line) => line.batch?.reference === "PAYOUT-2026-11-12" && line.batch.count === 3)).toBe(true);
    expect(statement.lines[0]!.endToEndId).toBe("ORDER-1001");
  });

  it("keeps a batch whose transactions carry no amounts as one line for the entry", () => {
    const xml = fixture("batch.xml").replace(/<c:Amt Ccy="EUR">(100|150|50)\.00<\/c:Amt>\s*/g, "");
    const lines = parseBankStatement(xml).lines;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ externalId: "ABN-BATCH-77", amountCents: 30_000, counterpartyName: null, batch: { count: 3 } });
    expect(lines[0]!.description).toBe("Bestelling 1001 Bestelling 1002 RF18539007547034");
  });

  it("marks a reversed payment, signed as the money moved", () => {
    const [payment, reversal] = parseBankStatement(fixture("reversal.xml")).lines;
    expect(payment).toMatchObject({ amountCents: 12_100, reversal: false, counterpartyName: "Kapsalon Knip" });
    expect(reversal).toMatchObject({
      amountCents: -12_100,
      reversal: true,
      counterpartyName: "Kapsalon Knip",
      counterpartyIban: "NL39RABO0300065264",
      endToEndId: "PAY-88",
      transactionCode: "PMNT/RCDT/RRTN",
    });
  });

  it("keeps the instructed amount of a payment made in another currency", () => {
    const [line] = parseBankStatement(fixture("foreign.xml")).lines;
    expect(line).toMatchObject({
      amountCents: 9_250,
      currency: "EUR",
      originalAmount: { amountCents: 10_000, currency: "USD" },
      counterpartyName: "Acme Design Inc.",
      counterpartyIban: null,
      valueDate: "2026-10-02",
    });
  });

  it("reads a statement spanning the year end, dates given as date-times, on the bank's own day", () => {
    const statement = parseBankStatement(fixture("year-end.xml"));
    expect([statement.fromDate, statement.toDate]).toEqual(["2026-12-28", "2027-01-04"]);
    expect(statement.openingBalanceCents).toBe(-1_000);
    expect(statement.lines.map((line) => [line.bookingDate, line.amountCents])).toEqual([
      ["2026-12-31", 40_000],
      ["2027-01-02", 50_000],
      ["2027-01-04", 50_000],
    ]);
  });

  it("reads a file with statements of two accounts, each line on its own account with ids per account", () => {
    const statement = parseBankStatement(fixture("two-accounts.xml"));
    expect(statement).toMatchObject({
      accountIban: "NL91ABNA0417164300",
      fromDate: "2026-11-10",
      toDate: "2026-11-10",
      // Each account has its own balances; one pair for the file would mislead.
      openingBalanceCents: null,
      closingBalanceCents: null,
    });
    expect(statement.lines.map((line) => [line.accountIban, line.amountCents, line.counterpartyName])).toEqual([
      ["NL91ABNA0417164300", 60_500, "Bakkerij de Vries B.V."],
      ["NL91ABNA0417164300", -30_000, "Studio Eva spaarrekening"],
      ["NL91ABNA0417164300", 5_000, "K. de Wit"],
      // The transfer's other side: the current account is the counterparty, not skipped as "our own".
      ["NL02ABNA0123456789", 30_000, "Studio Eva"],
      ["NL02ABNA0123456789", 5_000, "K. de Wit"],
    ]);
    const [, , currentDeposit, , savingsDeposit] = statement.lines;
    // The same bank reference on both accounts, and two deposits alike in all but their account: all kept apart.
    expect(statement.lines[0]!.externalId).toBe(statement.lines[3]!.externalId);
    expect(currentDeposit!.externalId).toMatch(/^h:/);
    expect(savingsDeposit!.externalId).not.toBe(currentDeposit!.externalId);
  });

  it("keeps a one-account file as it was: no account on the lines, the balances of both ends", () => {
    const plain = fixture("plain.xml");
    const nextDay = plain
      .replace(/[\s\S]*(<Stmt>[\s\S]*<\/Stmt>)[\s\S]*/, "$1")
      .replaceAll("2026-11-05", "2026-11-06")
      .replaceAll("ABN-20261105", "ABN-20261106")
      .replace("2278.45", "2300.00");
    const statement = parseBankStatement(plain.replace("</Stmt>", `</Stmt>${nextDay}`));
    expect(statement.lines.every((line) => line.accountIban === undefined)).toBe(true);
    expect([statement.openingBalanceCents, statement.closingBalanceCents]).toEqual([150_000, 230_000]);
  });

  it("recognises CAMT.053 from its content, not other XML or CSV", () => {
    expect(camt053Parser.detect(fixture("plain.xml"))).toBe(true);
    expect(camt053Parser.detect(fixture("batch.xml"))).toBe(true);
    expect(camt053Parser.detect('<?xml version="1.0"?><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>')).toBe(
      false,
    );
    expect(camt053Parser.detect("Datum;Naam;Bedrag\n")).toBe(false);
  });

  it("refuses broken XML, a document type and odd amounts, with a translatable reason", () => {
    const plain = fixture("plain.xml");
    const reason = (xml: string) => {
      try {
        camt053Parser.parse(xml);
      } catch (error) {
        expect(error).toBeInstanceOf(BankStatementError);
        return (error as BankStatementError).key;
      }
      return "parsed";
    };
    expect(reason(plain.replace("</Stmt>", ""))).toBe("bank.errors.invalidXml");
    expect(reason(plain.replace("<Document", '<!DOCTYPE d [<!ENTITY a "aaaa">]><Document'))).toBe("bank.errors.invalidXml");
    expect(reason(plain.replace('<Amt Ccy="EUR">605.00</Amt>', '<Amt Ccy="EUR">6,05</Amt>'))).toBe("bank.errors.invalidAmount");
    expect(reason(plain.replace(/<Stmt>[\s\S]*<\/Stmt>/, ""))).toBe("bank.errors.noStatement");
    // A currency that is no ISO 4217 code is refused, never stored (a damaged file gave ":UR").
    expect(reason(plain.replace('<Amt Ccy="EUR">605.00</Amt>', '<Amt Ccy=":UR">605.00</Amt>'))).toBe("bank.errors.invalidCurrency");
    expect(reason(plain.replace('<Amt Ccy="EUR">605.00</Amt>', '<Amt Ccy="EURO">605.00</Amt>'))).toBe("bank.errors.invalidCurrency");
    expect(reason(plain.replace(/<Ccy>EUR<\/Ccy>/, "<Ccy>E1R</Ccy>"))).toBe("bank.errors.invalidCurrency");
  });

  it("reads entries chunk by chunk and names the line of a broken entry in the file", () => {
    const plain = fixture("plain.xml");
    const broken = plain.replace("<Ustrd>Visitekaartjes</Ustrd>", "<Ustrd>Visitekaartjes</Ustr>");
    const line = plain.split("\n").findIndex((text) => text.includes("Visitekaartjes")) + 1;
    try {
      camt053Parser.parse(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ key: "bank.errors.invalidXml", detail: { line } });
    }
  });
});

import { describe, expect, it } from "vitest";
import { parseBankStatement } from "@/lib/features/bank/formats";
import { mt940AbnAmroParser } from "@/lib/features/bank/formats/mt940-abnamro";
import { mt940IngParser } from "@/lib/features/bank/formats/mt940-ing";
import { mt940RabobankParser } from "@/lib/features/bank/formats/mt940-rabobank";
import { fixtureText, lineWith } from "@/lib/features/bank/formats/test-helpers";
import { BankStatementError } from "@/lib/features/bank/statement.types";

const ing = () => mt940IngParser.parse(fixtureText("mt940-ing", "year-end-two-days.sta"));
const rabo = () => mt940RabobankParser.parse(fixtureText("mt940-rabobank", "two-statements.swi"));
const abn = () => mt940AbnAmroParser.parse(fixtureText("mt940-abnamro", "year-end-sepa-and-free-text.sta"));

describe("MT940 ING", () => {
  it("merges the daily messages into one statement with both ends' balances", () => {
    const statement = ing();
    expect(statement).toMatchObject({
      format: "mt940-ing",
      accountIban: "NL20INGB0001234567",
      currency: "EUR",
      statementId: "P261231000000001/00365..P270102000000001/00001",
      fromDate: "2026-12-31",
      toDate: "2027-01-02",
      openingBalanceCents: 150000,
      closingBalanceCents: 288067,
    });
    expect(statement.lines).toHaveLength(6);
    expect(statement.lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(288067 - 150000);
  });

  it("reads the payment: amount, counterparty from /CNTP/, remittance, end-to-end id, ING's reference", () => {
    const line = lineWith(ing(), "Factuur 2026-041");
    expect(line).toMatchObject({
      bookingDate: "2026-12-31",
      valueDate: "2026-12-31",
      amountCents: 121000,
      currency: "EUR",
      counterpartyName: "Bakkerij De Korenaar BV",
      counterpartyIban: "NL91ABNA0417164300",
      description: "Factuur 2026-041 december brood en banket",
      endToEndId: "INV-2026-041",
      transactionCode: "NTRF",
      reversal: false,
      externalId: "r:NL20INGB0001234567:2026-12-31:121000:26365012345678",
    });
  });

  it("books a line valued on 31 December and entered on 2 January in the new year", () => {
    const line = ing().lines.find((candidate) => candidate.endToEndId === "2026-042")!;
    expect(line.valueDate).toBe("2026-12-31");
    expect(line.bookingDate).toBe("2027-01-02");
    expect(line.description).toBe("1234567890123456");
  });

  it("reads a reversed direct debit (RD) as money in, marked as reversal", () => {
    const line = lineWith(ing(), "Storno termijn december");
    expect(line.amountCents).toBe(4500);
    expect(line.reversal).toBe(true);
  });

  it("keeps the amount in the currency paid and a name cut across two lines", () => {
    const line = lineWith(ing(), "Licence January 2027");
    expect(line.amountCents).toBe(-9235);
    expect(line.originalAmount).toEqual({ amountCents: 8000, currency: "GBP" });
    expect(line.counterpartyName).toBe("Acme Tools Ltd");
    expect(line.counterpartyIban).toBe("GB29NWBK60161331926819");
  });

  it("does not take the statement's closing :86: (/SUM/) for a line's details", () => {
    expect(ing().lines.some((line) => line.description.includes("SUM"))).toBe(false);
  });
});

describe("MT940 ING before 2014", () => {
  it("reads the bare account number as IBAN and the unstructured text cut at 65 characters", () => {
    const statement = parseBankStatement(fixtureText("mt940-ing", "older-unstructured.sta"));
    expect(statement).toMatchObject({
      format: "mt940-ing",
      accountIban: "NL20INGB0001234567",
      openingBalanceCents: 100000,
      closingBalanceCents: 119903,
    });
    expect(statement.lines.map((line) => line.amountCents)).toEqual([-5097, 25000]);
    expect(statement.lines[0]).toMatchObject({
      transactionCode: "NIC",
      description: "Europese Incasso, doorlopend NL98ZZZ999999990000 Energie Direct NV termijn juli 2026 kenmerk DD-7781",
    });
    expect(statement.lines[1]!.description).toBe("NL44RABO0123456789 J. de Vries Factuur 2026-020");
  });
});

describe("MT940 Rabobank", () => {
  it("reads both statements, with the counterparty account from the line under :61:", () => {
    const statement = rabo();
    expect(statement).toMatchObject({
      format: "mt940-rabobank",
      accountIban: "NL44RABO0123456789",
      openingBalanceCents: 200000,
      closingBalanceCents: 543400,
    });
    expect(statement.lines).toHaveLength(5);
    const line = lineWith(statement, "Factuur 2026-039");
    expect(line).toMatchObject({
      amountCents: 60500,
      counterpartyName: "Studio Vormgeving B.V.",
      counterpartyIban: "NL91ABNA0417164300",
      description: "Factuur 2026-039, klantnummer 77, betreft ontwerp huisstijl",
      endToEndId: "2026/039-A",
      transactionCode: "N541",
    });
  });

  it("names the payee of a payment out (/BENM//NAME/), not the ultimate debtor", () => {
    const line = lineWith(rabo(), "Huur december 2026");
    expect(line.amountCents).toBe(-12100);
    expect(line.counterpartyName).toBe("Verhuur Kantoor Noord");
  });

  it("reads a reversed credit (RC) as money out, marked as reversal", () => {
    const line = lineWith(rabo(), "Retour");
    expect(line).toMatchObject({ amountCents: -5000, reversal: true });
  });

  it("gives two identical payments without a bank reference two ids, the same on every read", () => {
    const [first, second] = rabo().lines.filter((line) => line.description === "Factuur 2026-040");
    expect(first!.externalId).not.toBe(second!.externalId);
    expect(rabo().lines.map((line) => line.externalId)).toEqual(rabo().lines.map((line) => line.externalId));
  });
});

describe("MT940 ABN AMRO", () => {
  it("reads the header lines, the account number as IBAN and both messages", () => {
    const statement = abn();
    expect(statement).toMatchObject({
      format: "mt940-abnamro",
      accountIban: "NL91ABNA0417164300",
      openingBalanceCents: 75000,
      closingBalanceCents: 125879,
      fromDate: "2026-12-30",
      toDate: "2027-01-02",
    });
    expect(statement.lines).toHaveLength(7);
  });

  it("reads the SEPA /TRTP/ layout and the labelled free text", () => {
    const statement = abn();
    expect(lineWith(statement, "Factuur 2026-040 kasten")).toMatchObject({
      amountCents: 33000,
      counterpartyName: "Jansen Interieur",
      counterpartyIban: "NL44RABO0123456789",
      endToEndId: "JI-2026-12-30-01",
    });
    expect(lineWith(statement, "factuur 2026-038")).toMatchObject({
      amountCents: 9500,
      counterpartyName: "Fietsenmaker Pieters",
      counterpartyIban: "NL20INGB0001234567",
      description: "factuur 2026-038 reparatie bakfiets",
      endToEndId: "2026038",
    });
  });

  it("reads a card refund (RD), a batch, a year-end entry and a payment in pounds", () => {
    const statement = abn();
    expect(lineWith(statement, "TERUGBOEKING")).toMatchObject({ amountCents: 450, reversal: true });
    const batch = statement.lines.find((line) => line.batch)!;
    expect(batch).toMatchObject({
      amountCents: 10000,
      bookingDate: "2027-01-02",
      valueDate: "2026-12-31",
      batch: { reference: "B2026-12-INC", count: 3 },
    });
    expect(lineWith(statement, "Tea Shop London,PAS123 LONDON").originalAmount).toEqual({ amountCents: 1000, currency: "GBP" });
    const coffees = statement.lines.filter((line) => line.amountCents === -450);
    expect(coffees).toHaveLength(2);
    expect(coffees[0]!.externalId).not.toBe(coffees[1]!.externalId);
  });
});

describe("MT940 ABN AMRO, labelled free text without /TRTP/", () => {
  const statement = () => mt940AbnAmroParser.parse(fixtureText("mt940-abnamro", "labelled-incasso-ideal-cash.sta"));

  it("reads a direct debit's labels, one of them right after a full 65-character line", () => {
    expect(lineWith(statement(), "Termijn januari 2027")).toMatchObject({
      amountCents: -4500,
      counterpartyName: "Energie Direct NV",
      counterpartyIban: "NL36INGB0007654321",
      description: "Termijn januari 2027",
      endToEndId: "DD-7781-2027",
      transactionCode: "N422",
    });
  });

  it("reads an iDEAL payment and a cash withdrawal", () => {
    expect(lineWith(statement(), "Order 77")).toMatchObject({
      amountCents: 2500,
      counterpartyName: "Mollie BV inzake Klant",
      counterpartyIban: "NL20INGB0001234567",
      description: "0012345678 Order 77",
    });
    expect(lineWith(statement(), "Utrecht Centraal")).toMatchObject({ amountCents: -5000, counterpartyIban: null, reversal: false });
    expect(statement()).toMatchObject({ openingBalanceCents: 100000, closingBalanceCents: 93000, fromDate: "2027-01-05" });
  });
});

describe("MT940 Rabobank, lines without a counterparty account", () => {
  const statement = () => mt940RabobankParser.parse(fixtureText("mt940-rabobank", "card-batch-creditor-reference.swi"));

  it("reads a card payment with no account line under :61:, its text rejoined where it was cut", () => {
    expect(lineWith(statement(), "Betaalautomaat")).toMatchObject({
      amountCents: -1250,
      counterpartyIban: null,
      counterpartyName: null,
      description: "Betaalautomaat 14:02 pasnr. 004 Koffiebar Het Hoekje UTRECHT",
    });
  });

  it("reads a batch (/PREF/, /NRTX/) and a structured creditor reference (/REMI/STRD/)", () => {
    expect(lineWith(statement(), "Batch incasso januari")).toMatchObject({
      amountCents: 30000,
      batch: { reference: "B2027-01-INC", count: 3 },
    });
    expect(lineWith(statement(), "RF18539007547034")).toMatchObject({
      amountCents: 60500,
      counterpartyName: "Studio Vormgeving B.V.",
      counterpartyIban: "NL22SNSB0912345678",
      endToEndId: "SV-13",
    });
  });
});

describe("MT940 with several accounts", () => {
  const text = fixtureText("mt940-ing", "two-accounts.sta");

  it("reads each :25: account's messages as its own, each line on its account, the balances checked per account", () => {
    const statement = parseBankStatement(text);
    expect(statement).toMatchObject({
      format: "mt940-ing",
      accountIban: "NL20INGB0001234567",
      fromDate: "2026-11-10",
      toDate: "2026-11-11",
      openingBalanceCents: null,
      closingBalanceCents: null,
    });
    expect(statement.lines.map((line) => [line.accountIban, line.bookingDate, line.amountCents, line.counterpartyIban])).toEqual([
      ["NL20INGB0001234567", "2026-11-10", 60_500, "NL91ABNA0417164300"],
      ["NL20INGB0001234567", "2026-11-10", -30_000, "NL71INGB0009876543"],
      ["NL20INGB0001234567", "2026-11-11", 25_000, "NL44RABO0123456789"],
      ["NL71INGB0009876543", "2026-11-10", 30_000, "NL20INGB0001234567"],
    ]);
    expect(new Set(statement.lines.map((line) => line.externalId)).size).toBe(4);
  });

  it("still refuses a message of either account that does not add up", () => {
    expect(() => parseBankStatement(text.replace(":62F:C261110EUR5300,00", ":62F:C261110EUR5300,01"))).toThrow(
      "bank.errors.balanceMismatch",
    );
  });

  it("reads the messages of one account in any order as before, without an account on the lines", () => {
    const statement = parseBankStatement(fixtureText("mt940-ing", "year-end-two-days.sta"));
    expect(statement.lines.every((line) => line.accountIban === undefined)).toBe(true);
  });
});

describe("MT940 intermediate balances", () => {
  it("reads a statement split over messages with :60M: and :62M: like one with :60F:/:62F:", () => {
    const text = fixtureText("mt940-ing", "year-end-two-days.sta");
    const split = text
      .replace(":62F:C261231EUR2723,02", ":62M:C261231EUR2723,02")
      .replace(":60F:C261231EUR2723,02", ":60M:C261231EUR2723,02");
    expect(parseBankStatement(split)).toEqual(parseBankStatement(text));
  });
});

describe("MT940 errors", () => {
  const text = fixtureText("mt940-ing", "year-end-two-days.sta");

  it("refuses a statement whose lines do not add up to its closing balance", () => {
    const broken = text.replace(":62F:C261231EUR2723,02", ":62F:C261231EUR2723,03");
    expect(() => parseBankStatement(broken)).toThrow(BankStatementError);
    expect(() => parseBankStatement(broken)).toThrow("bank.errors.balanceMismatch");
  });

  it("refuses a statement without its closing balance, naming the message's line", () => {
    const broken = text.replace(":62F:C270102EUR2880,67", "");
    expect(() => parseBankStatement(broken)).toThrow("bank.errors.missingTag (line 35)");
  });

  it("refuses a date that does not exist", () => {
    expect(() => parseBankStatement(text.replace(":61:2612311231C1210", ":61:2613311231C1210"))).toThrow(
      "bank.errors.invalidDate (line 8)",
    );
  });
});

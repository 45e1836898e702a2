import { describe, expect, it } from "vitest";
import { parseBankStatement } from "@/lib/features/bank/formats";
import { csvIngParser } from "@/lib/features/bank/formats/csv-ing";
import { csvRabobankParser } from "@/lib/features/bank/formats/csv-rabobank";
import { fixtureBytes, fixtureText, lineWith } from "@/lib/features/bank/formats/test-helpers";

describe("ING CSV", () => {
  const statement = () => csvIngParser.parse(fixtureText("csv-ing", "semicolon-year-end.csv"));

  it("reads the semicolon layout: direction from Af Bij, thousands, balances from Saldo na mutatie", () => {
    const read = statement();
    expect(read).toMatchObject({
      format: "csv-ing",
      accountIban: "NL20INGB0001234567",
      openingBalanceCents: 140765,
      closingBalanceCents: 288067,
    });
    expect(read.lines).toHaveLength(5);
    expect(lineWith(read, "Factuur 2026-041")).toMatchObject({
      bookingDate: "2026-12-31",
      amountCents: 121000,
      counterpartyName: "Bakkerij De Korenaar BV",
      counterpartyIban: "NL91ABNA0417164300",
      description: "Factuur 2026-041; brood en banket december",
      endToEndId: "INV-2026-041",
      transactionCode: "OV",
    });
  });

  it("takes the value date from Mededelingen across the year end, and marks a storno", () => {
    const read = statement();
    expect(lineWith(read, "Factuur 2026-042")).toMatchObject({ bookingDate: "2027-01-02", valueDate: "2026-12-31", amountCents: 25000 });
    expect(lineWith(read, "Storno")).toMatchObject({ amountCents: 4500, reversal: true });
  });

  it("gives the two identical card payments two different, stable ids", () => {
    const cards = statement().lines.filter((line) => line.amountCents === -1599);
    expect(cards).toHaveLength(2);
    expect(cards[0]!.externalId).not.toBe(cards[1]!.externalId);
    expect(statement().lines.map((line) => line.externalId)).toEqual(statement().lines.map((line) => line.externalId));
    expect(cards[0]!.description).toBe("Pasvolgnr: 001 31-12-2026 14:02 Transactie: 3J8K21 Term: CT123456");
  });

  it("reads the older comma layout with a separator and quotes inside a field", () => {
    const read = parseBankStatement(fixtureBytes("csv-ing", "comma-older-layout.csv"));
    expect(read.format).toBe("csv-ing");
    expect(lineWith(read, "snoeiwerk")).toMatchObject({
      counterpartyName: "Hoveniersbedrijf Groen, Tuin & Zo",
      amountCents: 123456,
      description: 'factuur 2026-007, "snoeiwerk"',
    });
    expect(lineWith(read, "ING BANK N.V.")).toMatchObject({
      counterpartyName: "Kosten OranjePakket",
      amountCents: -195,
      valueDate: "2026-02-13",
      description: "1 jan t/m 31 jan 2026 ING BANK N.V.",
    });
  });

  it("reads the English headers", () => {
    const read = parseBankStatement(fixtureBytes("csv-ing", "english-headers.csv"));
    expect(read.lines[0]).toMatchObject({
      amountCents: 60500,
      description: "Invoice 2026-011",
      endToEndId: "SV-11",
      valueDate: "2026-03-01",
    });
  });

  it("refuses an amount it cannot read and names the line", () => {
    const broken = fixtureText("csv-ing", "semicolon-year-end.csv").replace('"1.210,00"', '"1.21O,00"');
    expect(() => parseBankStatement(broken)).toThrow("bank.errors.invalidAmount (line 6)");
  });
});

describe("Rabobank CSV", () => {
  const utf8 = () => csvRabobankParser.parse(fixtureText("csv-rabobank", "utf8-year-end.csv"));

  it("reads signed amounts, Volgnr as identity and the balances", () => {
    const read = utf8();
    expect(read).toMatchObject({
      accountIban: "NL44RABO0123456789",
      currency: "EUR",
      openingBalanceCents: 200000,
      closingBalanceCents: 534165,
    });
    expect(read.lines).toHaveLength(6);
    expect(lineWith(read, "Factuur 2026-039")).toMatchObject({
      amountCents: 60500,
      counterpartyIban: "NL91ABNA0417164300",
      description: "Factuur 2026-039, klantnummer 77, betreft ontwerp huisstijl",
      endToEndId: "2026/039-A",
      transactionCode: "tb",
      externalId: "r:NL44RABO0123456789:2026-12-30:60500:volgnr:4711",
    });
  });

  it("marks a returned payment, keeps the original currency and the year-end value date", () => {
    const read = utf8();
    expect(lineWith(read, "Retour")).toMatchObject({ amountCents: -5000, reversal: true });
    expect(lineWith(read, "Licence")).toMatchObject({
      bookingDate: "2027-01-02",
      valueDate: "2026-12-31",
      amountCents: -9235,
      originalAmount: { amountCents: 8000, currency: "GBP" },
    });
  });

  it("reads the Windows-1252 export to the same statement as the UTF-8 one", () => {
    const windows = parseBankStatement(fixtureBytes("csv-rabobank", "windows-1252.csv"));
    expect(windows).toEqual(utf8());
    expect(windows.lines.filter((line) => line.counterpartyName === "Café De Zwaan")).toHaveLength(2);
  });

  it("reads a row of a second account under that account (csv-accounts.test.ts has each bank's)", () => {
    const text = fixtureText("csv-rabobank", "utf8-year-end.csv");
    const lines = text.split("\n");
    lines[3] = lines[3]!.replace("NL44RABO0123456789", "NL28RABO0300400500");
    const read = parseBankStatement(lines.join("\n"));
    expect(read.accountIban).toBe("NL44RABO0123456789");
    expect(read.lines.map((line) => line.accountIban)).toEqual([...Array(5).fill("NL44RABO0123456789"), "NL28RABO0300400500"]);
    expect(lineWith(read, "Retour")).toMatchObject({ accountIban: "NL28RABO0300400500", amountCents: -5000 });
  });
});

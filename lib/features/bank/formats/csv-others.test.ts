import { describe, expect, it } from "vitest";
import { parseBankStatement } from "@/lib/features/bank/formats";
import { rejoinFixedWidth } from "@/lib/features/bank/formats/csv-abnamro";
import { fixtureBytes, fixtureText, lineWith } from "@/lib/features/bank/formats/test-helpers";

describe("ABN AMRO TXT", () => {
  const read = () => parseBankStatement(fixtureBytes("csv-abnamro", "TXT270102120000.TAB"));

  it("reads the tab-separated rows, the account number as IBAN and the balances", () => {
    const statement = read();
    expect(statement).toMatchObject({
      format: "csv-abnamro",
      accountIban: "NL91ABNA0417164300",
      openingBalanceCents: 75000,
      closingBalanceCents: 125879,
      fromDate: "2026-12-30",
      toDate: "2027-01-02",
    });
    expect(statement.lines).toHaveLength(7);
  });

  it("removes the spaces ABN AMRO inserted every 64 characters before reading the labels", () => {
    expect(lineWith(read(), "factuur 2026-038")).toMatchObject({
      amountCents: 9500,
      counterpartyName: "Fietsenmaker Pieters",
      counterpartyIban: "NL20INGB0001234567",
      description: "factuur 2026-038 reparatie bakfiets",
      endToEndId: "2026038",
    });
    const chunked = `${"A".repeat(32)} ${"B".repeat(64)} CC`;
    expect(rejoinFixedWidth(chunked)).toBe(`${"A".repeat(32)}${"B".repeat(64)}CC`);
    expect(rejoinFixedWidth("short text")).toBe("short text");
    expect(rejoinFixedWidth(`${"A".repeat(32)}X${"B".repeat(70)}`)).toBe(`${"A".repeat(32)}X${"B".repeat(70)}`);
  });

  it("reads the /TRTP/ layout, a refund, a batch and a payment in pounds", () => {
    const statement = read();
    expect(lineWith(statement, "kasten")).toMatchObject({
      counterpartyName: "Jansen Interieur",
      counterpartyIban: "NL44RABO0123456789",
      amountCents: 33000,
    });
    expect(lineWith(statement, "TERUGBOEKING")).toMatchObject({ amountCents: 450, reversal: true });
    expect(statement.lines.find((line) => line.batch)?.batch).toEqual({ reference: "B2026-12-INC", count: 3 });
    expect(lineWith(statement, "Tea Shop")).toMatchObject({ amountCents: -1171, originalAmount: { amountCents: 1000, currency: "GBP" } });
    const coffees = statement.lines.filter((line) => line.amountCents === -450);
    expect(new Set(coffees.map((line) => line.externalId)).size).toBe(2);
  });

  it("refuses a row whose balances do not follow from its amount", () => {
    const broken = fixtureText("csv-abnamro", "TXT270102120000.TAB").replace("745,50\t20261230\t-4,50", "745,51\t20261230\t-4,50");
    expect(() => parseBankStatement(broken)).toThrow("bank.errors.balanceMismatch (line 1)");
  });
});

describe("bunq CSV", () => {
  it("reads semicolons with decimal commas, a quoted separator and a line break in a field", () => {
    const statement = parseBankStatement(fixtureBytes("csv-bunq", "semicolon-decimal-comma.csv"));
    expect(statement).toMatchObject({ format: "csv-bunq", accountIban: "NL51BUNQ2045678901" });
    expect(statement.lines).toHaveLength(4);
    expect(lineWith(statement, "brood en banket")).toMatchObject({
      amountCents: 121000,
      counterpartyIban: "NL91ABNA0417164300",
      description: "Factuur 2026-041 brood en banket",
    });
    expect(lineWith(statement, "Licence")).toMatchObject({ bookingDate: "2027-01-02", valueDate: "2026-12-31", amountCents: -9235 });
    const coffees = statement.lines.filter((line) => line.description === "Koffie; to go");
    expect(coffees[0]!.externalId).not.toBe(coffees[1]!.externalId);
  });

  it("reads commas with decimal points and thousands separators", () => {
    const statement = parseBankStatement(fixtureBytes("csv-bunq", "comma-decimal-point.csv"));
    expect(statement.lines.map((line) => line.amountCents)).toEqual([123456, -99]);
  });
});

describe("Knab CSV", () => {
  it("reads the KNAB EXPORT layout in Windows-1252, Boekdatum as booking date and Referentie as identity", () => {
    const statement = parseBankStatement(fixtureBytes("csv-knab", "knab-export.csv"));
    expect(statement).toMatchObject({ format: "csv-knab", accountIban: "NL07KNAB0255123456", currency: "EUR" });
    expect(statement.lines).toHaveLength(3);
    expect(lineWith(statement, "Pinbetaling")).toMatchObject({
      bookingDate: "2027-01-02",
      valueDate: "2026-12-31",
      amountCents: -1599,
      externalId: "r:NL07KNAB0255123456:2027-01-02:-1599:knab:K1A2B3C4D5E6F702",
    });
    expect(lineWith(statement, "Storno")).toMatchObject({ amountCents: 4500, reversal: true, transactionCode: "Storno" });
  });
});

describe("Triodos CSV", () => {
  it("reads the headerless rows: Debet/Credit, thousands, Windows-1252 names, balances", () => {
    const statement = parseBankStatement(fixtureBytes("csv-triodos", "triodos-export.csv"));
    expect(statement).toMatchObject({
      format: "csv-triodos",
      accountIban: "NL12TRIO0198765432",
      openingBalanceCents: 200000,
      closingBalanceCents: 402900,
    });
    expect(lineWith(statement, "Factuur 2026-040")).toMatchObject({
      amountCents: 150000,
      counterpartyName: "Café De Zwaan",
      transactionCode: "OV",
    });
    expect(lineWith(statement, "Huur")).toMatchObject({ amountCents: -12100 });
    expect(lineWith(statement, "Storno")).toMatchObject({ reversal: true, bookingDate: "2027-01-02" });
  });

  it("reads the export with a header row by its column names, in any order", () => {
    const statement = parseBankStatement(fixtureBytes("csv-triodos", "with-header.csv"));
    expect(statement).toMatchObject({
      format: "csv-triodos",
      accountIban: "NL12TRIO0198765432",
      fromDate: "2026-03-02",
      toDate: "2026-03-05",
      openingBalanceCents: 200000,
      closingBalanceCents: 337005,
    });
    expect(statement.lines.map((line) => [line.bookingDate, line.amountCents, line.counterpartyName, line.transactionCode])).toEqual([
      ["2026-03-02", 121000, "Studio Vormgeving B.V.", "OV"],
      ["2026-03-03", -8995, "Café Het Hoekje", "BA"],
      ["2026-03-05", 25000, "J. Jansen", "IC"],
    ]);
    expect(lineWith(statement, "Factuur 2026-011")).toMatchObject({ counterpartyIban: "NL91ABNA0417164300" });
    expect(lineWith(statement, "Storno")).toMatchObject({ reversal: true, counterpartyIban: null });
    // The columns found by name: the same bookings with the columns in another order read alike.
    const text = fixtureText("csv-triodos", "with-header.csv");
    const reordered = text
      .split("\r\n")
      .filter(Boolean)
      .map((row) => {
        const cells = row.slice(1, -1).split('","');
        return `"${[cells[7], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[0], cells[8]].join('","')}"`;
      })
      .join("\r\n");
    expect(reordered.startsWith('"Omschrijving","Rekeningnummer"')).toBe(true);
    expect(parseBankStatement(reordered).lines).toEqual(statement.lines);
  });

  it("refuses a row of the header layout that is not a booking, naming its line", () => {
    const text = fixtureText("csv-triodos", "with-header.csv").replace('"03-03-2026"', '"2026-03-03"');
    expect(() => parseBankStatement(text)).toThrow("bank.errors.malformedLine (line 3)");
  });
});

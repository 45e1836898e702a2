import { describe, expect, it } from "vitest";
import { readPaymentDetails, readSubfields } from "@/lib/features/bank/formats/payment-details";

describe("readSubfields", () => {
  it("splits only on the known codes, so a value keeps its own slashes", () => {
    expect(readSubfields("/EREF/REF17/22/4444 555555/DEC- 16/ORDP//NAME/Bakker BV/REMI/Factuur 12/")).toEqual([
      { tag: "EREF", value: "REF17/22/4444 555555/DEC- 16" },
      { tag: "ORDP", value: "" },
      { tag: "NAME", value: "Bakker BV" },
      { tag: "REMI", value: "Factuur 12" },
    ]);
  });
});

describe("readPaymentDetails", () => {
  it("reads ING's layout: /CNTP/account/BIC/name/city/ and /REMI/USTD//", () => {
    const details = readPaymentDetails(
      "/EREF/INV-1//CNTP/NL91ABNA0417164300/ABNANL2A/Bakkerij De Korenaar BV/Utrecht///REMI/USTD//Factuur 2026-041/",
    );
    expect(details).toMatchObject({
      counterpartyName: "Bakkerij De Korenaar BV",
      counterpartyIban: "NL91ABNA0417164300",
      description: "Factuur 2026-041",
      endToEndId: "INV-1",
      returned: false,
    });
  });

  it("takes a structured creditor reference as the description and drops NOTPROVIDED", () => {
    const details = readPaymentDetails("/EREF/NOTPROVIDED//CNTP/NL44RABO0123456789/RABONL2U/J. de Vries///REMI/STRD/CUR/1234567890123456/");
    expect(details.description).toBe("1234567890123456");
    expect(details.endToEndId).toBeNull();
  });

  it("names the payer or payee, never the ultimate party (Rabobank)", () => {
    const details = readPaymentDetails("/EREF/X//BENM//NAME/Verhuur Noord/ULTD//NAME/Eigen Onderneming/REMI/Huur");
    expect(details.counterpartyName).toBe("Verhuur Noord");
    const ultimateFirst = readPaymentDetails("/ULTD//NAME/Eigen Onderneming/BENM//NAME/Verhuur Noord/REMI/Huur");
    expect(ultimateFirst.counterpartyName).toBe("Verhuur Noord");
  });

  it("marks a returned payment, reads a batch and an amount in another currency", () => {
    expect(readPaymentDetails("/RTRN/MS03/EREF/DD-1//REMI/USTD//Storno/").returned).toBe(true);
    expect(readPaymentDetails("/TRTP/SEPA Incasso Batch/PREF/B-1/NRTX/0000011/PIND/BRUTO/").batch).toEqual({ reference: "B-1", count: 11 });
    expect(readPaymentDetails("/EREF/X//REMI/USTD//Licence//OCMT/GBP80,00//EXCH/1,15/").originalAmount).toEqual({
      amountCents: 8000,
      currency: "GBP",
    });
  });

  it("reads ABN AMRO's labelled text in any case", () => {
    const details = readPaymentDetails(
      "SEPA IDEAL                       IBAN: NL70ABNA0888888888 BIC: ABNANL2A                    NAAM: NS GROEP INZAKE IDEAL OMSCHRIJVING: 4851430136 NS E-TICKET(S) KENMERK: 26-01-2014 18:14 003000",
    );
    expect(details).toMatchObject({
      counterpartyName: "NS GROEP INZAKE IDEAL",
      counterpartyIban: null, // NL70ABNA0888888888 fails its check digits
      description: "4851430136 NS E-TICKET(S)",
      endToEndId: "26-01-2014 18:14 003000",
      transactionType: "SEPA IDEAL",
    });
  });

  it("keeps card text whole and reads its foreign amount", () => {
    const details = readPaymentDetails("BEA NR:01234567 01.01.27/11.59 SumUp *Tea Shop,PAS123 GBP 10,00 1EUR=0,8539 GBP");
    expect(details.description).toBe("BEA NR:01234567 01.01.27/11.59 SumUp *Tea Shop,PAS123 GBP 10,00 1EUR=0,8539 GBP");
    expect(details.originalAmount).toEqual({ amountCents: 1000, currency: "GBP" });
    expect(readPaymentDetails("BEA ... TERUGBOEKING BEA-TRANSACTIE").returned).toBe(true);
  });
});

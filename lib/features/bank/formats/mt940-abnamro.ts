// ABN AMRO's MT940: every message opens with the header lines "ABNANL2A", "940",
// "ABNANL2A" and ":20:ABN AMRO BANK NV"; :25: is the account number (or IBAN), :28: (not
// :28C:), :61: has an entry date; :86: is the SEPA /TRTP/…/IBAN/…/NAME/…/REMI/ layout or the
// labelled free text ("IBAN: … NAAM: … OMSCHRIJVING: …"), or card text ("BEA NR:…").
import { mt940Bank, parseMt940 } from "@/lib/features/bank/formats/mt940-read";
import type { BankFormatParser } from "@/lib/features/bank/statement.types";

export const mt940AbnAmroParser: BankFormatParser = {
  format: "mt940-abnamro",
  detect: (text) => mt940Bank(text) === "abnamro",
  parse: (text) => parseMt940(text, "mt940-abnamro", "abnamro"),
};

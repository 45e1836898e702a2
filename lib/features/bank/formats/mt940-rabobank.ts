// Rabobank's MT940 ("MT940 structured"): starts with a ":940:" line, :25: is "IBAN EUR";
// :61: has zero-padded amounts and the counterparty's account on the line below it; :86:
// carries /EREF/, /ORDP//NAME/ (payer) or /BENM//NAME/ (payee), /REMI/, /ISDT/.
import { mt940Bank, parseMt940 } from "@/lib/features/bank/formats/mt940-read";
import type { BankFormatParser } from "@/lib/features/bank/statement.types";

export const mt940RabobankParser: BankFormatParser = {
  format: "mt940-rabobank",
  detect: (text) => mt940Bank(text) === "rabobank",
  parse: (text) => parseMt940(text, "mt940-rabobank", "rabobank"),
};

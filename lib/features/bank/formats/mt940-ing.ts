// ING's MT940 (Mijn ING Zakelijk and the older layout): recognised by ING's header
// ("{1:F01INGBNL2A…", "0000 01INGBNL2AXXXX…") or an INGB account in :25:; the :86: carries
// /EREF/, /CNTP/account/BIC/name/city/, /REMI/USTD//…; :61: has ING's reference after "//".
import { mt940Bank, parseMt940 } from "@/lib/features/bank/formats/mt940-read";
import type { BankFormatParser } from "@/lib/features/bank/statement.types";

export const mt940IngParser: BankFormatParser = {
  format: "mt940-ing",
  detect: (text) => mt940Bank(text) === "ing",
  parse: (text) => parseMt940(text, "mt940-ing", "ing"),
};

// The information to the account owner that Dutch banks put beside a booking (MT940 field
// :86:, ABN AMRO's TXT description): either the SEPA layout of "/TAG/value" subfields
// (ING's /CNTP/, Rabobank's /ORDP//NAME/, ABN AMRO's /TRTP/…/NAME/) or ABN AMRO's labelled
// free text ("IBAN: … Naam: … Omschrijving: …"), or plain text (card payments).
import { cleanText, normaliseIban, parseAmountCents } from "@/lib/features/bank/formats/read-values";

export type PaymentDetails = {
  counterpartyName: string | null;
  counterpartyIban: string | null;
  description: string;
  endToEndId: string | null;
  /** A returned or reversed payment (/RTRN/, "TERUGBOEKING"). */
  returned: boolean;
  batch: { reference: string; count: number } | null;
  originalAmount: { amountCents: number; currency: string } | null;
  /** The bank's transaction type text (/TRTP/), when given. */
  transactionType: string | null;
};

// The subfield codes of the SEPA layout used by ING, Rabobank and ABN AMRO. Only these
// count as separators, so a value such as "REF17/22/4444" keeps its own slashes.
const TAGS = [
  "TRTP",
  "EREF",
  "PREF",
  "MARF",
  "CSID",
  "CNTP",
  "REMI",
  "PURP",
  "ULTC",
  "ULTD",
  "ULTB",
  "BENM",
  "ORDP",
  "NAME",
  "ADDR",
  "ID",
  "IBAN",
  "BIC",
  "NRTX",
  "PIND",
  "OCMT",
  "EXCH",
  "CHGS",
  "RTRN",
  "ISDT",
  "SVCL",
  "CDTRREFTP",
  "CDTRREF",
  "TRCD",
  "BUSP",
  "CD",
  "CITY",
];
const TAG_PATTERN = new RegExp(`/(${TAGS.join("|")})/`, "g");
// The parties a /NAME/ can belong to; only the payer or payee is the counterparty.
const PARTY_TAGS = new Set(["ORDP", "BENM", "ULTC", "ULTD", "ULTB"]);

export type Subfield = { tag: string; value: string };

/** "/EREF/x//CNTP/a/b/c///REMI/USTD//y/" into its subfields, in order. */
export function readSubfields(text: string): Subfield[] {
  const found: { tag: string; start: number; end: number }[] = [];
  TAG_PATTERN.lastIndex = 0;
  for (let match = TAG_PATTERN.exec(text); match; match = TAG_PATTERN.exec(text)) {
    found.push({ tag: match[1]!, start: match.index, end: match.index + match[0].length });
  }
  return found.map((entry, index) => {
    const next = found[index + 1];
    let value = text.slice(entry.end, next ? next.start : text.length);
    if (value.endsWith("/")) value = value.slice(0, -1);
    return { tag: entry.tag, value };
  });
}

function first(fields: Subfield[], tag: string): string | null {
  const value = fields.find((field) => field.tag === tag)?.value;
  return value === undefined || value.trim() === "" ? null : value.trim();
}

function remittance(value: string): string {
  // Unstructured: "USTD//text"; structured creditor reference: "STRD/CUR/1234567890123456".
  const unstructured = /^USTD\/\/?(.*)$/s.exec(value);
  if (unstructured) return cleanText(unstructured[1]);
  const structured = /^STRD\/[A-Z]*\/(.*)$/s.exec(value);
  if (structured) return cleanText(structured[1]);
  return cleanText(value);
}

export function endToEnd(value: string | null): string | null {
  const text = cleanText(value);
  return text === "" || text.toUpperCase() === "NOTPROVIDED" ? null : text;
}

/**
 * The amount in the currency paid, wherever the bank writes it: "/OCMT/USD123,45/" in the
 * SEPA layout, "GBP 10,00 1EUR=0,8539 GBP" in ABN AMRO's card text. Unsigned, like CAMT's
 * instructed amount.
 */
export function originalAmountIn(text: string): PaymentDetails["originalAmount"] {
  const match = /\/OCMT\/([A-Z]{3})(\d+,\d{0,2})\//.exec(text) ?? /\b([A-Z]{3}) (\d{1,3}(?:\.\d{3})*,\d{2}) 1EUR=/.exec(text);
  if (!match) return null;
  const amountCents = parseAmountCents(match[2]!, ",");
  return amountCents === null || match[1] === "EUR" ? null : { amountCents, currency: match[1]! };
}

function fromSubfields(text: string): PaymentDetails {
  const fields = readSubfields(text);
  let name: string | null = null;
  let party: string | null = null;
  for (const field of fields) {
    if (PARTY_TAGS.has(field.tag)) party = field.tag;
    else if (field.tag === "NAME" && cleanText(field.value) !== "") {
      // A /NAME/ without a party (ABN AMRO) or under the payer/payee; never the ultimate party.
      const ultimate = party?.startsWith("ULT");
      if (!ultimate && name === null) name = cleanText(field.value);
    }
  }
  let iban = normaliseIban(first(fields, "IBAN"));
  const counterparty = first(fields, "CNTP");
  if (counterparty) {
    // ING: account/BIC/name/city.
    const [account, , cntpName] = counterparty.split("/");
    iban = iban ?? normaliseIban(account);
    if (!name && cntpName && cleanText(cntpName) !== "") name = cleanText(cntpName);
  }
  const remi = first(fields, "REMI");
  const creditorReference = first(fields, "CDTRREF");
  const batchReference = first(fields, "PREF");
  const batchCount = first(fields, "NRTX");
  const count = batchCount && /^\d+$/.test(batchCount) ? Number(batchCount) : null;
  return {
    counterpartyName: name,
    counterpartyIban: iban,
    description: remi ? remittance(remi) : cleanText(creditorReference),
    endToEndId: endToEnd(first(fields, "EREF")),
    returned: fields.some((field) => field.tag === "RTRN" && cleanText(field.value) !== ""),
    batch: batchReference && count !== null ? { reference: batchReference, count } : null,
    originalAmount: originalAmountIn(text),
    transactionType: first(fields, "TRTP"),
  };
}

// ABN AMRO's labelled free text; the labels are matched in any case.
const LABEL_PATTERN = /\b(IBAN|BIC|NAAM|OMSCHRIJVING|KENMERK|BETALINGSKENM\.|MACHTIGING|INCASSANT|VOOR|ID DEBITEUR):/gi;

function fromLabels(text: string): PaymentDetails | null {
  const found = [...text.matchAll(LABEL_PATTERN)];
  if (!found.some((match) => /^(IBAN|NAAM)$/i.test(match[1]!))) return null;
  const values = new Map<string, string>();
  found.forEach((match, index) => {
    const next = found[index + 1];
    const label = match[1]!.toUpperCase();
    const value = cleanText(text.slice(match.index + match[0].length, next ? next.index : text.length));
    if (!values.has(label)) values.set(label, value);
  });
  const head = cleanText(text.slice(0, found[0]!.index));
  const description = values.get("OMSCHRIJVING") || values.get("BETALINGSKENM.") || "";
  return {
    counterpartyName: values.get("NAAM") || null,
    counterpartyIban: normaliseIban(values.get("IBAN")),
    description,
    endToEndId: endToEnd(values.get("KENMERK") ?? null),
    returned: /TERUGBOEKING|STORNO/i.test(text),
    batch: null,
    originalAmount: null,
    transactionType: head || null,
  };
}

/** Reads the details of one booking from the text beside it. */
export function readPaymentDetails(raw: string): PaymentDetails {
  const text = raw.trim();
  if (text.startsWith("/") && readSubfields(text).length > 0) return fromSubfields(text);
  const labelled = fromLabels(text);
  if (labelled) return labelled;
  return {
    counterpartyName: null,
    counterpartyIban: null,
    description: cleanText(text),
    endToEndId: null,
    returned: /TERUGBOEKING|STORNO/i.test(text),
    batch: null,
    originalAmount: originalAmountIn(text),
    // ABN AMRO's card and cash codes: BEA (betaalautomaat), GEA (geldautomaat).
    transactionType: /^(BEA|GEA)\b/.exec(text)?.[1] ?? null,
  };
}

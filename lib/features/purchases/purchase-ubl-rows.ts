// One UBL document received by the business (it is the buyer, AccountingCustomerParty) as
// purchases: the supplier from AccountingSupplierParty, the amounts per VAT category from
// the sales import's own reader (ublParts), and per category the purchase VAT treatment and
// rate when the code, rate and supplier's country say it without doubt. Otherwise the part
// waits for the user's choice with the reason; nothing is guessed:
//   S  21/9% from a Dutch supplier          → NL_VAT at that rate (5b)
//   Z  from a Dutch supplier                → NL_VAT at 0%
//   E, O from a Dutch supplier              → NO_VAT (nothing to deduct)
//   AE (btw verlegd) from NL / EU / non-EU  → NL_REVERSE_CHARGE (2a) / EU_ (4b) / NON_EU_REVERSE_CHARGE (4a),
//      but the document carries 0% (BR-AE-05): the Dutch rate the business owes is chosen (review)
//   K  (intra-EU supply) from another EU state → EU_REVERSE_CHARGE (4b, ICP-verwerving), rate chosen (review)
//   anything else (foreign VAT, G: import VAT is on the customs document, L, M…) → review.
// A document addressed to another buyer (its VAT or KvK number is not the business's, when
// both are known) is an error: it is no purchase of this business; so is one the business
// sent itself (its own number as the supplier's: a sales invoice among the purchases).
import { isEuMemberState } from "@/lib/kor";
import type { UblDocument } from "@/lib/features/invoices/import/ubl/read-ubl";
import { describeUblDocument, partSuffix, ublParts } from "@/lib/features/invoices/import/ubl/ubl-rows";
import { PURCHASE_VAT_TREATMENTS, type PurchaseVatTreatment } from "./purchase.types";

/** A treatment with its rate, as the user chooses it for a part that needs review. */
export const PURCHASE_VAT_CHOICES = [
  "NL_VAT_21",
  "NL_VAT_9",
  "NL_VAT_0",
  "NL_REVERSE_CHARGE_21",
  "NL_REVERSE_CHARGE_9",
  "EU_REVERSE_CHARGE_21",
  "EU_REVERSE_CHARGE_9",
  "NON_EU_REVERSE_CHARGE_21",
  "NON_EU_REVERSE_CHARGE_9",
  "NO_VAT",
] as const;
export type PurchaseVatChoice = (typeof PURCHASE_VAT_CHOICES)[number];

export function parseVatChoice(choice: PurchaseVatChoice): { vatTreatment: PurchaseVatTreatment; ratePercent: 21 | 9 | 0 } {
  if (choice === "NO_VAT") return { vatTreatment: "NO_VAT", ratePercent: 0 };
  const at = choice.lastIndexOf("_");
  const vatTreatment = choice.slice(0, at) as PurchaseVatTreatment;
  if (!PURCHASE_VAT_TREATMENTS.includes(vatTreatment)) throw new Error(`Unknown choice ${choice}`);
  return { vatTreatment, ratePercent: Number(choice.slice(at + 1)) as 21 | 9 | 0 };
}

/** The business's own numbers, to see whether a document was addressed to it. */
export type BuyerIdentity = { vatNumber: string | null; kvkNumber: string | null };

export type PurchaseUblPart = {
  /** The identity of the purchase with the supplier: the document's number, or `<number>/<code><rate>` for a part. */
  reference: string;
  date: string;
  supplier: { name: string; country: string; vatId: string | undefined };
  /** Euro cents, signed (a credit note negative); the VAT as on the document. */
  netCents: number;
  vatCents: number;
  description: string | undefined;
  /**
   * For a credit note: the supplier's invoice number it corrects (its first
   * BillingReference/InvoiceDocumentReference/ID); the import links the purchase of that
   * supplier with this number when the business has it. Else null.
   */
  creditsReference: string | null;
  /** The treatment and rate when the document says them without doubt; else the reason (i18n key) and a group of like parts. */
  derived: { choice: PurchaseVatChoice } | { reason: string; group: string };
  notes: string[];
};

export type PurchaseUblRows =
  | { ok: true; parts: PurchaseUblPart[]; number: string; references: string[] }
  | { ok: false; errors: Record<string, string>; number: string | null; date: string | null; supplierName: string | null };

const VAT_ID = /^[A-Z]{2}[0-9A-Z]{2,13}$/;
const normalise = (id: string) => id.toUpperCase().replace(/[\s.-]/g, "");
/** A VAT number without its country prefix, so NL001234567B01 and 001234567B01 are one. */
const vatCore = (id: string) => normalise(id).replace(/^[A-Z]{2}(?=\d)/, "");
/** A KvK number has eight digits; a legal entity's CompanyID may be something else (a VAT number, a GLN). */
const KVK = /^\d{8}$/;

/** Whether the document names a buyer that is not this business (only when both sides know the number). */
export function addressedToAnotherBuyer(document: UblDocument, buyer: BuyerIdentity): boolean {
  const ownVat = buyer.vatNumber ? vatCore(buyer.vatNumber) : "";
  const theirVat = document.customer.vatIds.map(vatCore).filter(Boolean);
  if (ownVat && theirVat.length > 0 && !theirVat.includes(ownVat)) return true;
  const ownKvk = buyer.kvkNumber ? normalise(buyer.kvkNumber) : "";
  const theirKvk = document.customer.companyIds.map(normalise).filter((id) => KVK.test(id));
  return ownKvk !== "" && theirKvk.length > 0 && !theirKvk.includes(ownKvk);
}

/** Whether the business itself is the supplier (its own sales invoice, uploaded among the purchases). */
export function sentByTheBusiness(document: UblDocument, buyer: BuyerIdentity): boolean {
  const ownVat = buyer.vatNumber ? vatCore(buyer.vatNumber) : "";
  if (ownVat && document.supplier.vatIds.map(vatCore).includes(ownVat)) return true;
  const ownKvk = buyer.kvkNumber ? normalise(buyer.kvkNumber) : "";
  return ownKvk !== "" && document.supplier.companyIds.map(normalise).includes(ownKvk);
}

/** The supplier's country: its address, else its VAT number's prefix (EL is Greece). */
function supplierCountry(document: UblDocument): string {
  if (/^[A-Z]{2}$/.test(document.supplier.country)) return document.supplier.country;
  const prefix =
    document.supplier.vatIds
      .map(normalise)
      .find((id) => VAT_ID.test(id))
      ?.slice(0, 2) ?? "";
  return prefix === "EL" ? "GR" : prefix;
}

type Derived = PurchaseUblPart["derived"];

function derive(code: string, percent: string, country: string): Derived {
  const dutch = country === "NL";
  const eu = !dutch && isEuMemberState(country);
  const review = (reason: string, group = `${code}|${country}`): Derived => ({ reason: `purchases.eInvoices.reasons.${reason}`, group });
  switch (code) {
    case "S":
      if (!dutch) return review("foreignVat", `S${percent}|${country}`);
      if (percent === "21" || percent === "9") return { choice: `NL_VAT_${percent}` };
      return review("rateNotDutch", `S${percent}|${country}`);
    case "Z":
      return dutch ? { choice: "NL_VAT_0" } : review("zeroAbroad");
    case "E":
    case "O":
      return dutch ? { choice: "NO_VAT" } : review("noVatAbroad");
    case "AE":
      return review(dutch ? "reverseChargeRateNl" : eu ? "reverseChargeRateEu" : "reverseChargeRateNonEu");
    case "K":
      return eu ? review("intraEuAcquisitionRate") : review("intraEuNotFromEu");
    case "G":
      return review("importGoods");
    default:
      return review("unknownCategory");
  }
}

export function purchaseUblRows(document: UblDocument, buyer: BuyerIdentity): PurchaseUblRows {
  const amounts = ublParts(document);
  const supplierName = document.supplier.name || null;
  if (!amounts.ok) return { ...amounts, supplierName };
  const errors: Record<string, string> = {};
  if (addressedToAnotherBuyer(document, buyer)) errors.buyer = "purchases.eInvoices.errors.otherBuyer";
  else if (sentByTheBusiness(document, buyer)) errors.buyer = "purchases.eInvoices.errors.ownInvoice";
  const country = supplierCountry(document);
  if (!country) errors.supplierCountry = "purchases.eInvoices.errors.noSupplierCountry";
  if (!supplierName) errors.supplierName = "validation.required";
  if (Object.keys(errors).length) return { ok: false, errors, number: document.number || null, date: amounts.date, supplierName };

  const notes: string[] = [];
  const vatIds = document.supplier.vatIds.map(normalise);
  const vatId = vatIds.find((id) => VAT_ID.test(id));
  if (vatIds.length > 0 && !vatId) notes.push("purchases.eInvoices.notes.vatIdNotTaken");
  if (amounts.currency !== "EUR") notes.push("purchases.eInvoices.notes.converted");
  const split = amounts.parts.length > 1;
  if (split) notes.push("purchases.eInvoices.notes.split");
  const credit = amounts.documentNetCents < 0;
  const references = credit ? document.billingReferences : [];

  const parts = amounts.parts.map((part): PurchaseUblPart => {
    const described = describeUblDocument(document, split ? part.code : null, split ? part.percent : null);
    // A credit note names the invoices it credits in its description too; the import links the first (creditsReference).
    const description = references.length ? `Creditnota op ${references.join(", ")}${described ? `: ${described}` : ""}` : described;
    return {
      reference: split ? `${document.number}/${partSuffix(part.code, part.percent)}` : document.number,
      date: amounts.date,
      supplier: { name: document.supplier.name, country, vatId },
      netCents: part.netCents,
      vatCents: part.vatCents,
      description: description ? description.slice(0, 500) : undefined,
      creditsReference: references[0] ?? null,
      derived: derive(part.code, part.percent, country),
      notes: [...notes],
    };
  });
  return { ok: true, parts, number: document.number, references };
}

/**
 * The purchase input of a part with its treatment and rate: the document's VAT where it
 * charges Dutch VAT; for a reverse charge the VAT the business owes, from the rate (left
 * out, the schema computes it); with no VAT to deduct, the VAT a foreign supplier charged
 * is part of the cost.
 */
export function purchaseCandidate(part: PurchaseUblPart, choice: PurchaseVatChoice): Record<string, unknown> {
  const { vatTreatment, ratePercent } = parseVatChoice(choice);
  const reverse = vatTreatment !== "NL_VAT" && vatTreatment !== "NO_VAT";
  return {
    documentKind: "invoice",
    reference: part.reference,
    date: part.date,
    supplier: part.supplier,
    netCents: vatTreatment === "NO_VAT" ? part.netCents + part.vatCents : part.netCents,
    ...(vatTreatment === "NO_VAT" ? { vatCents: 0 } : reverse ? {} : { vatCents: part.vatCents }),
    ratePercent,
    vatTreatment,
    category: "COSTS",
    description: part.description,
  };
}

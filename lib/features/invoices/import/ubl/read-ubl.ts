// Reads one UBL 2.1 Invoice or CreditNote (SI-UBL 2.0 / NLCIUS, Peppol BIS Billing 3.0)
// into the facts the imports need (the sales import reads the customer, the purchase import
// the supplier), by local element names: any namespace prefix (or none)
// is accepted. Amounts stay text here (exact decimal strings); ubl-rows.ts turns them into
// cents. A document that is no XML, or XML that is no UBL invoice, gets an i18n key.
import { XMLParser } from "fast-xml-parser";

export type UblTaxSubtotal = {
  taxable: string;
  tax: string;
  code: string;
  percent: string;
  exemptionCode: string;
  exemptionReason: string;
};

/** A trading party (AccountingSupplierParty or AccountingCustomerParty). */
export type UblParty = { name: string; country: string; vatIds: string[]; companyIds: string[] };

export type UblDocument = {
  root: "Invoice" | "CreditNote";
  number: string;
  issueDate: string;
  taxPointDate: string;
  typeCode: string;
  currency: string;
  taxCurrency: string;
  note: string;
  /** Invoice numbers a credit note refers to (BillingReference). */
  billingReferences: string[];
  customer: UblParty;
  supplier: UblParty;
  deliveryCountry: string;
  /** The tax total in the document currency, with its breakdown per category. */
  taxAmount: string;
  subtotals: UblTaxSubtotal[];
  /** The tax total in the tax currency (TaxCurrencyCode), when given. */
  taxAmountInTaxCurrency: string;
  /** cac:TaxExchangeRate, when given: source → target at rate. */
  exchangeRate: { source: string; target: string; rate: string; operator: string } | null;
  totals: { lineExtension: string; taxExclusive: string; taxInclusive: string; payable: string };
  lines: { name: string; code: string; percent: string }[];
};

export type UblReadResult = { ok: true; document: UblDocument } | { ok: false; error: string };

const ARRAYS = new Set([
  "TaxTotal",
  "TaxSubtotal",
  "InvoiceLine",
  "CreditNoteLine",
  "BillingReference",
  "PartyTaxScheme",
  "Note",
  "Delivery",
  "PartyName",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

/** The text of an element with or without attributes ({"#text": …}). */
function text(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === "object") return text((value as Node)["#text"]);
  return "";
}

function attr(value: unknown, name: string): string {
  const node = Array.isArray(value) ? value[0] : value;
  if (node && typeof node === "object") return text((node as Node)[`@_${name}`]);
  return "";
}

function child(node: unknown, ...path: string[]): unknown {
  let current: unknown = node;
  for (const key of path) {
    if (Array.isArray(current)) current = current[0];
    if (!current || typeof current !== "object") return undefined;
    current = (current as Node)[key];
  }
  return current;
}

const list = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

// Embedded attachments (a PDF of the invoice, base64) can be megabytes: not needed here,
// and cut out before parsing so a document with them costs no more than one without.
function readParty(party: unknown): UblParty {
  const schemes = list(child(party, "PartyTaxScheme"));
  return {
    name: text(child(party, "PartyLegalEntity", "RegistrationName")) || text(child(list(child(party, "PartyName"))[0], "Name")),
    country: text(child(party, "PostalAddress", "Country", "IdentificationCode")).toUpperCase(),
    vatIds: schemes
      .filter((scheme) => text(child(scheme, "TaxScheme", "ID")).toUpperCase() === "VAT")
      .map((scheme) => text(child(scheme, "CompanyID")))
      .filter(Boolean),
    companyIds: [text(child(party, "PartyLegalEntity", "CompanyID")), ...schemes.map((scheme) => text(child(scheme, "CompanyID")))].filter(
      Boolean,
    ),
  };
}

const ATTACHMENT = /<((?:[\w.-]+:)?EmbeddedDocumentBinaryObject)\b[^>]*>[\s\S]*?<\/\1\s*>/g;

export function readUbl(xml: string): UblReadResult {
  const source = xml.replace(/^\uFEFF/, "");
  // UBL has no DOCTYPE; one could declare entities that expand without end.
  if (/<!DOCTYPE/i.test(source)) return { ok: false, error: "importEInvoices.errors.notUbl" };
  let parsed: Node;
  try {
    parsed = parser.parse(source.replace(ATTACHMENT, "<$1/>"), true) as Node;
  } catch {
    return { ok: false, error: "importEInvoices.errors.malformedXml" };
  }
  const rootName = (["Invoice", "CreditNote"] as const).find((name) => parsed[name] !== undefined && typeof parsed[name] === "object");
  if (!rootName) return { ok: false, error: "importEInvoices.errors.notUbl" };
  const doc = parsed[rootName] as Node;
  const monetary = child(doc, "LegalMonetaryTotal");
  if (!text(child(doc, "ID")) || monetary === undefined) return { ok: false, error: "importEInvoices.errors.notUbl" };

  const currency = text(child(doc, "DocumentCurrencyCode")).toUpperCase();
  const taxCurrency = text(child(doc, "TaxCurrencyCode")).toUpperCase();
  const taxTotals = list(doc.TaxTotal);
  // The one with the breakdown is in the document currency (Peppol R053); another one,
  // without breakdown, is in the tax currency (R054).
  const main =
    taxTotals.find((total) => list(child(total, "TaxSubtotal")).length > 0) ??
    taxTotals.find((total) => attr(child(total, "TaxAmount"), "currencyID").toUpperCase() !== taxCurrency || !taxCurrency);
  const inTaxCurrency = taxCurrency
    ? taxTotals.find((total) => total !== main && attr(child(total, "TaxAmount"), "currencyID").toUpperCase() === taxCurrency)
    : undefined;
  const exchange = child(doc, "TaxExchangeRate");
  const lineNodes = list(doc[rootName === "Invoice" ? "InvoiceLine" : "CreditNoteLine"]);

  return {
    ok: true,
    document: {
      root: rootName,
      number: text(child(doc, "ID")),
      issueDate: text(child(doc, "IssueDate")),
      taxPointDate: text(child(doc, "TaxPointDate")),
      typeCode: text(child(doc, rootName === "Invoice" ? "InvoiceTypeCode" : "CreditNoteTypeCode")),
      currency,
      taxCurrency,
      note: text(list(doc.Note)[0]),
      billingReferences: list(doc.BillingReference)
        .map((reference) => text(child(reference, "InvoiceDocumentReference", "ID")))
        .filter(Boolean),
      customer: readParty(child(doc, "AccountingCustomerParty", "Party")),
      supplier: readParty(child(doc, "AccountingSupplierParty", "Party")),
      deliveryCountry:
        list(doc.Delivery)
          .map((delivery) => text(child(delivery, "DeliveryLocation", "Address", "Country", "IdentificationCode")).toUpperCase())
          .find(Boolean) ?? "",
      taxAmount: text(child(main, "TaxAmount")),
      subtotals: list(child(main, "TaxSubtotal")).map((subtotal) => {
        const category = child(subtotal, "TaxCategory");
        return {
          taxable: text(child(subtotal, "TaxableAmount")),
          tax: text(child(subtotal, "TaxAmount")),
          code: text(child(category, "ID")).toUpperCase(),
          percent: text(child(category, "Percent")),
          exemptionCode: text(child(category, "TaxExemptionReasonCode")),
          exemptionReason: text(child(category, "TaxExemptionReason")),
        };
      }),
      taxAmountInTaxCurrency: text(child(inTaxCurrency, "TaxAmount")),
      exchangeRate: exchange
        ? {
            source: text(child(exchange, "SourceCurrencyCode")).toUpperCase(),
            target: text(child(exchange, "TargetCurrencyCode")).toUpperCase(),
            rate: text(child(exchange, "CalculationRate")),
            operator: text(child(exchange, "MathematicOperatorCode")),
          }
        : null,
      totals: {
        lineExtension: text(child(monetary, "LineExtensionAmount")),
        taxExclusive: text(child(monetary, "TaxExclusiveAmount")),
        taxInclusive: text(child(monetary, "TaxInclusiveAmount")),
        payable: text(child(monetary, "PayableAmount")),
      },
      lines: lineNodes.map((line) => ({
        name: text(child(line, "Item", "Name")),
        code: text(child(line, "Item", "ClassifiedTaxCategory", "ID")).toUpperCase(),
        percent: text(child(line, "Item", "ClassifiedTaxCategory", "Percent")),
      })),
    },
  };
}

// The CSV import's boundary: which column feeds which invoice field, and the defaults
// for what a bookkeeping export does not say (its category, for one).
import { z } from "zod";
import { CATEGORY_CODES, type Bilingual, type VatAdviceStatus } from "@/lib/kor";

export const IMPORT_FIELDS = [
  "number",
  "date",
  "customerName",
  "customerCountry",
  "customerType",
  "customerVatId",
  "description",
  "category",
  "vatRate",
  "netAmount",
  "vatAmount",
  "grossAmount",
  "currency",
  "country",
  "kind",
  // Unambiguous units and the fields Drempel's own export carries (own-format.ts).
  "netCents",
  "vatCents",
  "foreignAmount",
  "exchangeRate",
  "sequence",
  "ancillary",
  "creditsInvoiceNumber",
  /** Drempel's own export of deleted invoices: such a row is imported as deleted (never counted). */
  "deletedAt",
  /** E-invoices (and files that carry them): the VAT category code (UNCL 5305), its exemption reason, where goods went. */
  "vatCategoryCode",
  "vatExemptionReason",
  "deliveryCountry",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const importMappingSchema = z.object({
  /** Field → column header of the file. */
  columns: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().min(1)),
  /** Used when no category column is mapped, or a row's category is empty. */
  defaultCategory: z.enum(CATEGORY_CODES, "validation.category").default("NL_STANDARD"),
  /** Drempel's own export: every column read exactly, formula apostrophes taken off. */
  ownFormat: z.boolean("validation.boolean").optional(),
  /**
   * The category the user chose for a row that needs review, by its line in the file.
   * Not remembered with the mapping: it belongs to this file.
   */
  rowCategories: z.record(z.string().regex(/^\d{1,7}$/, "validation.invalid"), z.enum(CATEGORY_CODES, "validation.category")).optional(),
  /** The same for every row of a review group (PreviewRow.reviewGroup); a row's own choice wins. */
  groupCategories: z.record(z.string().max(40, "validation.tooLong"), z.enum(CATEGORY_CODES, "validation.category")).optional(),
});

export type ImportMapping = z.infer<typeof importMappingSchema>;

/** The e-invoice import's choices for rows that need review (`?categories=`): the mapping's, nothing else. */
export const eInvoiceChoicesSchema = importMappingSchema.pick({ rowCategories: true, groupCategories: true }).strict();

export type PreviewRow = {
  /** Line in the file (the header is line 1). */
  line: number;
  number: string | null;
  date: string | null;
  customerName: string | null;
  netCents: number | null;
  vatCents: number | null;
  category: string | null;
  /** `review`: the category cannot be derived safely; the user picks it (rowCategories). */
  status: "new" | "existing" | "error" | "review";
  /** Rows that need review with the same group share a choice (country, customer type, VAT). */
  reviewGroup?: string;
  /** A purchase e-invoice's category (COSTS unless chosen per line: rowPurchaseCategories). */
  purchaseCategory?: string;
  /** Field → i18n key of the problem. */
  errors: Record<string, string>;
  countsForKor: boolean | null;
  /** E-invoices: the file (in the zip) the row comes from. */
  source?: string;
  /** i18n keys of what to know about the row (an e-invoice split per VAT category, a link not made…). */
  notes?: string[];
  /** Imported as a deleted invoice (the file's deleted_at): keeps its number, never counts. */
  deleted?: true;
  /**
   * New rows: whether the invoice must carry VAT, all new rows placed in the books
   * together (lib/kor/vat-advice.ts); `missingVat` when it must and shows none.
   */
  vat?: {
    status: VatAdviceStatus;
    mustChargeVat: boolean;
    ratePercent: number | null;
    reason: Bilingual;
    missingVat: boolean;
    remediation: { reinvoiceVatCents: number; absorbedVatCents: number } | null;
  };
};

export type ImportPreview = {
  headers: string[];
  mapping: ImportMapping;
  rows: PreviewRow[];
  summary: {
    total: number;
    new: number;
    existing: number;
    errors: number;
    review: number;
    newNetCents: number;
    newKorCents: number;
    missingVat?: number;
    /** Purchases: the VAT of the new rows (input VAT to deduct, reverse charges included). */
    newVatCents?: number;
    deleted: number;
  };
  /** Reasons to look twice before importing (implausible totals); empty when none. */
  warnings: ImportWarning[];
};

export type ImportWarning =
  | { code: "looksLikeCents"; fileNetCents: number; centsReadingNetCents: number }
  | { code: "skippedFiles"; count: number }
  | { code: "tenTimesLargestYear"; year: number; fileYearNetCents: number; largestYear: number; largestYearNetCents: number };

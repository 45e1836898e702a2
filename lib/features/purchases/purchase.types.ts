// The boundary of a purchase (inkoopfactuur or bonnetje): the JSON the API, the form and
// the CSV import send, and the DTO answered. Amounts are integer cents; `vatCents` is the
// VAT on the document, or for a reverse charge the VAT the business owes and deducts
// itself (computed from the rate when left out).
import { z } from "zod";
import { roundHalfAwayFromZero, isEuMemberState } from "@/lib/kor";
import { blankToUndefined, countryCodeSchema, isoDate, optionalVatIdSchema, toIsoDate, yearSchema } from "@/lib/platform/validation";

const MAX_CENTS = 2_000_000_000;
const cents = z
  .number("validation.integerCents")
  .int("validation.integerCents")
  .min(-MAX_CENTS, "validation.amountRange")
  .max(MAX_CENTS, "validation.amountRange");

export const PURCHASE_DOCUMENT_KINDS = ["invoice", "receipt"] as const;
export const PURCHASE_VAT_TREATMENTS = ["NL_VAT", "NL_REVERSE_CHARGE", "EU_REVERSE_CHARGE", "NON_EU_REVERSE_CHARGE", "NO_VAT"] as const;
export const PURCHASE_CATEGORIES = ["COSTS", "GOODS_FOR_RESALE", "INVESTMENT_MOVABLE", "INVESTMENT_IMMOVABLE"] as const;
/** The Dutch rates a purchase can carry (21% general, 9% reduced, 0%). */
export const PURCHASE_RATES = [21, 9, 0] as const;

export type PurchaseVatTreatment = (typeof PURCHASE_VAT_TREATMENTS)[number];
export type PurchaseCategory = (typeof PURCHASE_CATEGORIES)[number];

export const supplierSchema = z
  .object(
    {
      name: z.string("validation.required").trim().min(1, "validation.required").max(200, "validation.tooLong"),
      country: z.preprocess(blankToUndefined, countryCodeSchema.optional()).meta({ description: "ISO 3166 alpha-2; default NL." }),
      vatId: optionalVatIdSchema.meta({ description: "The supplier's VAT identification number, with its country prefix." }),
    },
    "validation.required",
  )
  .strict();

export const isInvestmentCategory = (category: PurchaseCategory) =>
  category === "INVESTMENT_MOVABLE" || category === "INVESTMENT_IMMOVABLE";
export const isReverseCharge = (treatment: PurchaseVatTreatment) =>
  treatment === "NL_REVERSE_CHARGE" || treatment === "EU_REVERSE_CHARGE" || treatment === "NON_EU_REVERSE_CHARGE";

/** The fields of a purchase, each checked on its own; purchaseInputSchema checks them together. */
const purchaseFieldsSchema = z
  .object({
    documentKind: z.enum(PURCHASE_DOCUMENT_KINDS, "validation.documentKind").optional().meta({ description: "Default: invoice." }),
    reference: z
      .preprocess(blankToUndefined, z.string("validation.text").trim().max(60, "validation.tooLong").optional())
      .meta({ description: "The supplier's invoice or receipt number." }),
    date: isoDate,
    supplier: supplierSchema,
    netCents: cents.meta({ description: "Amount excluding VAT, euro cents; negative for a credit from the supplier." }),
    vatCents: cents.optional().meta({
      description: "The VAT on the document; for a reverse charge the VAT you owe and deduct. Left out: netCents × ratePercent, rounded.",
    }),
    ratePercent: z.literal(PURCHASE_RATES, "validation.ratePercent").optional().meta({ description: "Default: 21." }),
    vatTreatment: z.enum(PURCHASE_VAT_TREATMENTS, "validation.vatTreatment").optional().meta({
      description:
        "Default NL_VAT. NL_VAT: Dutch VAT charged (5b). NL_REVERSE_CHARGE: domestic reverse charge (2a, 5b). EU_REVERSE_CHARGE: from another EU state (4b, 5b). NON_EU_REVERSE_CHARGE: from outside the EU (4a, 5b). NO_VAT: nothing to deduct.",
    }),
    category: z.enum(PURCHASE_CATEGORIES, "validation.purchaseCategory").optional().meta({
      description: "Default COSTS. INVESTMENT_MOVABLE / INVESTMENT_IMMOVABLE also enter the btw-herziening planner (5 / 10 years).",
    }),
    description: z.preprocess(blankToUndefined, z.string("validation.text").trim().max(500, "validation.tooLong").optional()),
    creditsPurchaseId: z.preprocess(blankToUndefined, z.uuid("validation.creditsPurchase").nullish()).meta({
      description:
        "A credit note from the supplier (negative netCents): the purchase invoice of the same business it corrects. Another business's id is not found (validation.creditsPurchase).",
    }),
  })
  .strict();

export const purchaseInputSchema = purchaseFieldsSchema
  .meta({ description: "Unknown keys are refused." })
  .superRefine((input, ctx) => {
    const treatment = input.vatTreatment ?? "NL_VAT";
    const country = input.supplier.country ?? "NL";
    if (treatment === "NL_REVERSE_CHARGE" && country !== "NL")
      ctx.addIssue({ code: "custom", path: ["supplier", "country"], message: "validation.dutchSupplier" });
    if (treatment === "EU_REVERSE_CHARGE" && (!isEuMemberState(country) || country === "NL"))
      ctx.addIssue({ code: "custom", path: ["supplier", "country"], message: "validation.euCountry" });
    if (treatment === "NON_EU_REVERSE_CHARGE" && isEuMemberState(country))
      ctx.addIssue({ code: "custom", path: ["supplier", "country"], message: "validation.nonEuCountry" });
    if (treatment === "NO_VAT" && (input.vatCents ?? 0) !== 0)
      ctx.addIssue({ code: "custom", path: ["vatCents"], message: "validation.noVatMeansZero" });
    if (treatment === "NO_VAT" && (input.ratePercent ?? 0) !== 0)
      ctx.addIssue({ code: "custom", path: ["ratePercent"], message: "validation.noVatMeansZero" });
    const vat = input.vatCents ?? 0;
    if (vat !== 0 && Math.sign(vat) !== Math.sign(input.netCents))
      ctx.addIssue({ code: "custom", path: ["vatCents"], message: "validation.vatSign" });
    if (input.category && isInvestmentCategory(input.category)) {
      if (input.netCents <= 0) ctx.addIssue({ code: "custom", path: ["netCents"], message: "validation.positiveAmount" });
      const rate = input.ratePercent ?? (treatment === "NO_VAT" ? 0 : 21);
      const expectedVat = input.vatCents ?? roundHalfAwayFromZero((input.netCents * rate) / 100);
      if (expectedVat <= 0) ctx.addIssue({ code: "custom", path: ["vatCents"], message: "validation.investmentNeedsVat" });
    }
    // Only a credit (negative amounts) corrects another purchase, as only a sales credit note names an invoice.
    if (input.creditsPurchaseId && input.netCents >= 0)
      ctx.addIssue({ code: "custom", path: ["creditsPurchaseId"], message: "validation.creditsPurchaseOnlyCredit" });
  })
  .transform((input) => {
    const vatTreatment = input.vatTreatment ?? "NL_VAT";
    const ratePercent = vatTreatment === "NO_VAT" ? 0 : (input.ratePercent ?? 21);
    return {
      documentKind: input.documentKind ?? "invoice",
      reference: input.reference ?? null,
      date: input.date,
      supplierName: input.supplier.name,
      supplierCountry: input.supplier.country ?? "NL",
      supplierVatId: input.supplier.vatId ?? null,
      netCents: input.netCents,
      // Left out: the VAT at the rate, rounded per document (KOR-RULES §3.3's rounding).
      vatCents: vatTreatment === "NO_VAT" ? 0 : (input.vatCents ?? roundHalfAwayFromZero((input.netCents * ratePercent) / 100)),
      ratePercent,
      vatTreatment,
      category: input.category ?? "COSTS",
      description: input.description ?? null,
      creditsPurchaseId: input.creditsPurchaseId ?? null,
    };
  });

export type PurchaseInput = z.output<typeof purchaseInputSchema>;

/**
 * What PATCH may send: any subset of the fields, the supplier's too (it is merged field by
 * field). Checked before the merge; the merged whole is then checked by purchaseInputSchema.
 */
export const purchasePatchSchema = purchaseFieldsSchema.partial().extend({ supplier: supplierSchema.partial().optional() }).meta({
  description: "Any subset of PurchaseInput; merged into the stored purchase (supplier field by field), the whole validated again.",
});

export const listPurchasesQuerySchema = z.object({
  year: yearSchema.optional().meta({ description: "Only this year; default: every year." }),
});

export type PurchaseDto = {
  id: string;
  documentKind: (typeof PURCHASE_DOCUMENT_KINDS)[number];
  reference: string | null;
  date: string;
  supplier: { name: string; country: string; vatId: string | null };
  netCents: number;
  vatCents: number;
  ratePercent: number;
  vatTreatment: PurchaseVatTreatment;
  category: PurchaseCategory;
  description: string | null;
  /** The good in the btw-herziening planner this purchase registered, when it is an investment good. */
  investmentGoodId: string | null;
  /** For a credit note: the purchase invoice it corrects. */
  creditsPurchaseId: string | null;
  createdAt: string;
  updatedAt: string;
};

export type PurchaseRow = {
  id: string;
  documentKind: "INVOICE" | "RECEIPT";
  reference: string | null;
  date: Date;
  supplierName: string;
  supplierCountry: string;
  supplierVatId: string | null;
  netCents: number;
  vatCents: number;
  ratePercent: number;
  vatTreatment: PurchaseVatTreatment;
  category: PurchaseCategory;
  description: string | null;
  investmentGoodId: string | null;
  creditsPurchaseId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export function toPurchaseDto(row: PurchaseRow): PurchaseDto {
  return {
    id: row.id,
    documentKind: row.documentKind === "RECEIPT" ? "receipt" : "invoice",
    reference: row.reference,
    date: toIsoDate(row.date),
    supplier: { name: row.supplierName, country: row.supplierCountry, vatId: row.supplierVatId },
    netCents: row.netCents,
    vatCents: row.vatCents,
    ratePercent: row.ratePercent,
    vatTreatment: row.vatTreatment,
    category: row.category,
    description: row.description,
    investmentGoodId: row.investmentGoodId,
    creditsPurchaseId: row.creditsPurchaseId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The DTO as a purchase input again, for PATCH: the stored purchase with the patch merged in. */
export function toPurchaseInput(dto: PurchaseDto): Record<string, unknown> {
  return {
    documentKind: dto.documentKind,
    reference: dto.reference ?? undefined,
    date: dto.date,
    supplier: { name: dto.supplier.name, country: dto.supplier.country, vatId: dto.supplier.vatId ?? undefined },
    netCents: dto.netCents,
    vatCents: dto.vatCents,
    ratePercent: dto.ratePercent,
    vatTreatment: dto.vatTreatment,
    category: dto.category,
    description: dto.description ?? undefined,
    creditsPurchaseId: dto.creditsPurchaseId,
  };
}

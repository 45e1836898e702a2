// The boundary of an invoice (or other revenue): the JSON the API and the form send.
// Field names follow docs/domain/ENGINE-CONTRACT.md where they overlap.
import { z } from "zod";
import { CATEGORIES } from "@/lib/kor/categories";
import { CATEGORY_CODES } from "@/lib/kor/types";
import { isEuMemberState } from "@/lib/kor/rules";
import { isoDate } from "@/lib/validation";

// An Int column holds ±21 million euro; no zzp'er invoice comes near.
const MAX_CENTS = 2_000_000_000;
const cents = z
  .number("validation.integerCents")
  .int("validation.integerCents")
  .min(-MAX_CENTS, "validation.amountRange")
  .max(MAX_CENTS, "validation.amountRange");

export const REVENUE_KINDS = ["invoice", "cash_sale", "advance_payment", "credit_note"] as const;
export type RevenueKindJson = (typeof REVENUE_KINDS)[number];

const countryCode = z
  .string("validation.country")
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "validation.country");

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : (value ?? undefined));

export const customerSchema = z
  .object(
    {
      name: z.string("validation.required").trim().min(1, "validation.required").max(200, "validation.tooLong"),
      country: z.preprocess(blankToUndefined, countryCode.optional()),
      type: z.preprocess(blankToUndefined, z.enum(["business", "consumer"], "validation.customerType").optional()),
      vatId: z.preprocess(
        blankToUndefined,
        z
          .string("validation.vatId")
          .trim()
          .toUpperCase()
          .transform((v) => v.replace(/[\s.]/g, ""))
          .pipe(z.string().regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, "validation.vatId"))
          .optional(),
      ),
    },
    "validation.required",
  )
  .strict();

export const invoiceInputSchema = z
  .object({
    number: z.string("validation.required").trim().min(1, "validation.required").max(40, "validation.tooLong"),
    kind: z.enum(REVENUE_KINDS, "validation.kind").optional(),
    date: isoDate,
    customer: customerSchema,
    category: z.enum(CATEGORY_CODES, "validation.category"),
    netCents: cents,
    vatCents: cents.optional(),
    country: z.preprocess(blankToUndefined, countryCode.optional()),
    ancillary: z.boolean("validation.boolean").optional(),
    sequence: z
      .number("validation.integer")
      .int("validation.integer")
      .min(0, "validation.integer")
      .max(1_000_000, "validation.integer")
      .nullish(),
    description: z.preprocess(blankToUndefined, z.string("validation.text").trim().max(500, "validation.tooLong").optional()),
    currency: z.preprocess(
      blankToUndefined,
      z
        .string("validation.currency")
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{3}$/, "validation.currency")
        .optional(),
    ),
    foreignCents: cents.nullish(),
    exchangeRate: z
      .number("validation.exchangeRate")
      .positive("validation.exchangeRate")
      .max(1_000_000, "validation.exchangeRate")
      .nullish(),
    creditsInvoiceId: z.preprocess(blankToUndefined, z.uuid("validation.creditsInvoice").nullish()),
  })
  .strict()
  .superRefine((input, ctx) => {
    const category = CATEGORIES[input.category];
    const kind = input.kind ?? (input.netCents < 0 ? "credit_note" : "invoice");
    const country = input.country ?? input.customer.country;
    if (category.needsCountry) {
      if (!country) ctx.addIssue({ code: "custom", path: ["country"], message: "validation.countryRequired" });
      else if (!isEuMemberState(country) || country === "NL")
        ctx.addIssue({ code: "custom", path: ["country"], message: "validation.euCountry" });
    }
    if (input.ancillary && !category.ancillaryAllowed) {
      ctx.addIssue({ code: "custom", path: ["ancillary"], message: "validation.ancillaryNotAllowed" });
    }
    if (kind === "credit_note" && input.netCents >= 0) {
      ctx.addIssue({ code: "custom", path: ["netCents"], message: "validation.creditNoteNegative" });
    }
    if (kind !== "credit_note" && input.creditsInvoiceId) {
      ctx.addIssue({ code: "custom", path: ["creditsInvoiceId"], message: "validation.creditsInvoiceOnlyCreditNote" });
    }
    if (kind !== "credit_note" && input.netCents < 0) {
      ctx.addIssue({ code: "custom", path: ["netCents"], message: "validation.negativeOnlyCreditNote" });
    }
    const vat = input.vatCents ?? 0;
    if (vat !== 0 && Math.sign(vat) !== Math.sign(input.netCents)) {
      ctx.addIssue({ code: "custom", path: ["vatCents"], message: "validation.vatSign" });
    }
    const currency = input.currency ?? "EUR";
    if (currency !== "EUR") {
      if (input.foreignCents == null) ctx.addIssue({ code: "custom", path: ["foreignCents"], message: "validation.foreignAmountRequired" });
      if (input.exchangeRate == null) ctx.addIssue({ code: "custom", path: ["exchangeRate"], message: "validation.exchangeRateRequired" });
    }
  })
  .transform((input) => {
    const category = CATEGORIES[input.category];
    const currency = input.currency ?? "EUR";
    return {
      ...input,
      kind: input.kind ?? (input.netCents < 0 ? ("credit_note" as const) : ("invoice" as const)),
      vatCents: input.vatCents ?? 0,
      // The member state of a foreign supply: its own field, else the customer's country.
      country: category.needsCountry ? (input.country ?? input.customer.country) : (input.country ?? undefined),
      ancillary: input.ancillary ?? false,
      currency,
      foreignCents: currency === "EUR" ? null : (input.foreignCents ?? null),
      exchangeRate: currency === "EUR" ? null : (input.exchangeRate ?? null),
      sequence: input.sequence ?? null,
      creditsInvoiceId: input.creditsInvoiceId ?? null,
    };
  });

export type InvoiceInput = z.output<typeof invoiceInputSchema>;

/** What PATCH may send: any subset of the fields, the customer merged field by field. */
export const invoicePatchSchema = z.record(z.string(), z.unknown());

export const INVOICE_SORTS = ["date", "number", "customer", "netCents", "category", "createdAt"] as const;

export const listInvoicesQuerySchema = z.object({
  year: z.coerce.number("validation.year").int("validation.year").min(2000, "validation.year").max(2100, "validation.year").optional(),
  page: z.coerce.number("validation.page").int("validation.page").min(1, "validation.page").max(100_000, "validation.page").default(1),
  pageSize: z.coerce
    .number("validation.pageSize")
    .int("validation.pageSize")
    .min(1, "validation.pageSize")
    .max(200, "validation.pageSize")
    .default(50),
  q: z.preprocess(blankToUndefined, z.string().trim().max(100, "validation.tooLong").optional()),
  category: z.preprocess(blankToUndefined, z.enum(CATEGORY_CODES, "validation.category").optional()),
  counted: z.preprocess(blankToUndefined, z.enum(["yes", "no"], "validation.counted").optional()),
  month: z.preprocess(
    blankToUndefined,
    z.coerce.number("validation.month").int("validation.month").min(1, "validation.month").max(12, "validation.month").optional(),
  ),
  sort: z.preprocess(blankToUndefined, z.enum(INVOICE_SORTS, "validation.sort").default("date")),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"], "validation.sort").default("desc")),
  deleted: z.preprocess(blankToUndefined, z.enum(["exclude", "only"], "validation.deleted").default("exclude")),
});

export type ListInvoicesQuery = z.output<typeof listInvoicesQuerySchema>;

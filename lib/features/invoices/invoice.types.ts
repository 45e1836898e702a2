// The boundary of an invoice (or other revenue): the JSON the API and the form send.
// Field names follow docs/domain/ENGINE-CONTRACT.md where they overlap.
import { z } from "zod";
import { CATEGORIES, CATEGORY_CODES, isEuMemberState } from "@/lib/kor";
import { blankToUndefined, countryCodeSchema, isoDate, optionalVatIdSchema, yearSchema } from "@/lib/platform/validation";

// An Int column holds ±21 million euro; no zzp'er invoice comes near.
const MAX_CENTS = 2_000_000_000;
const cents = z
  .number("validation.integerCents")
  .int("validation.integerCents")
  .min(-MAX_CENTS, "validation.amountRange")
  .max(MAX_CENTS, "validation.amountRange")
  .meta({ description: "Euro cents, an integer." });

export const REVENUE_KINDS = ["invoice", "cash_sale", "advance_payment", "credit_note"] as const;
export type RevenueKindJson = (typeof REVENUE_KINDS)[number];

export const customerSchema = z
  .object(
    {
      name: z.string("validation.required").trim().min(1, "validation.required").max(200, "validation.tooLong"),
      country: z.preprocess(blankToUndefined, countryCodeSchema.optional()).meta({ description: "ISO 3166 alpha-2." }),
      type: z.preprocess(blankToUndefined, z.enum(["business", "consumer"], "validation.customerType").optional()),
      vatId: optionalVatIdSchema,
    },
    "validation.required",
  )
  .strict();

/** The fields of an invoice, each checked on its own; invoiceInputSchema checks them together. */
const invoiceFieldsSchema = z
  .object({
    number: z
      .string("validation.required")
      .trim()
      .min(1, "validation.required")
      .max(40, "validation.tooLong")
      .meta({ description: "Unique per business." }),
    kind: z
      .enum(REVENUE_KINDS, "validation.kind")
      .optional()
      .meta({ description: "Default: credit_note when netCents < 0, else invoice." }),
    date: isoDate.meta({ description: "Calendar date of the supply (Europe/Amsterdam); must exist (no 2026-02-30)." }),
    customer: customerSchema,
    category: z.enum(CATEGORY_CODES, "validation.category"),
    netCents: cents,
    vatCents: cents.optional().meta({ description: "Euro cents with the sign of netCents; default 0." }),
    country: z
      .preprocess(blankToUndefined, countryCodeSchema.optional())
      .meta({ description: "Member state of an EU supply; default: the customer's country." }),
    ancillary: z
      .boolean("validation.boolean")
      .optional()
      .meta({ description: "Ancillary transaction (bijkomende handeling); only for categories that allow it. Default false." }),
    sequence: z
      .number("validation.integer")
      .int("validation.integer")
      .min(0, "validation.integer")
      .max(1_000_000, "validation.integer")
      .nullish()
      .meta({ description: "Order among invoices of the same day." }),
    description: z.preprocess(blankToUndefined, z.string("validation.text").trim().max(500, "validation.tooLong").optional()),
    currency: z
      .preprocess(
        blankToUndefined,
        z
          .string("validation.currency")
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{3}$/, "validation.currency")
          .optional(),
      )
      .meta({ description: "ISO 4217; default EUR. Another currency needs foreignCents and exchangeRate." }),
    foreignCents: cents.nullish().meta({ description: "The amount in `currency`, in its cents." }),
    exchangeRate: z
      .number("validation.exchangeRate")
      .positive("validation.exchangeRate")
      .max(1_000_000, "validation.exchangeRate")
      .nullish(),
    creditsInvoiceId: z
      .preprocess(blankToUndefined, z.uuid("validation.creditsInvoice").nullish())
      .meta({ description: "The invoice this credit note corrects (same business)." }),
  })
  .strict();

export const invoiceInputSchema = invoiceFieldsSchema
  .meta({
    description:
      "An invoice, cash sale, advance payment or credit note. Unknown keys are refused. A credit note has negative netCents; vatCents has the sign of netCents. Categories that need a member state (EU sales) require `country` (or customer.country) of another EU state. A currency other than EUR needs foreignCents and exchangeRate.",
  })
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

/**
 * What PATCH may send: any subset of the fields, the customer's too (it is merged field by
 * field). Checked before the merge; the merged whole is then checked by invoiceInputSchema.
 */
export const invoicePatchSchema = invoiceFieldsSchema.partial().extend({ customer: customerSchema.partial().optional() }).meta({
  description:
    "Any subset of InvoiceInput's fields. They are merged into the stored invoice (customer field by field) and the whole must then be a valid InvoiceInput. Unknown keys are refused.",
});

export const INVOICE_SORTS = ["date", "number", "customer", "netCents", "category", "createdAt"] as const;

export const listInvoicesQuerySchema = z.object({
  year: yearSchema.optional(),
  page: z.coerce.number("validation.page").int("validation.page").min(1, "validation.page").max(100_000, "validation.page").default(1),
  pageSize: z.coerce
    .number("validation.pageSize")
    .int("validation.pageSize")
    .min(1, "validation.pageSize")
    .max(200, "validation.pageSize")
    .default(50),
  q: z
    .preprocess(blankToUndefined, z.string().trim().max(100, "validation.tooLong").optional())
    .meta({ description: "Searches number, customer and description." }),
  category: z.preprocess(blankToUndefined, z.enum(CATEGORY_CODES, "validation.category").optional()),
  counted: z
    .preprocess(blankToUndefined, z.enum(["yes", "no"], "validation.counted").optional())
    .meta({ description: "Only invoices that count (or do not count) for the KOR." }),
  month: z
    .preprocess(
      blankToUndefined,
      z.coerce.number("validation.month").int("validation.month").min(1, "validation.month").max(12, "validation.month").optional(),
    )
    .meta({ description: "Within `year` (default: the current year)." }),
  sort: z.preprocess(blankToUndefined, z.enum(INVOICE_SORTS, "validation.sort").default("date")),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"], "validation.sort").default("desc")),
  deleted: z
    .preprocess(blankToUndefined, z.enum(["exclude", "only"], "validation.deleted").default("exclude"))
    .meta({ description: "`only` lists soft-deleted invoices." }),
});

export type ListInvoicesQuery = z.output<typeof listInvoicesQuerySchema>;

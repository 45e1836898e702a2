// The boundary of the bank-statement import: what the review actions accept and what the
// import and the candidate list answer.
import { z } from "zod";
import { CATEGORY_CODES, type Category } from "@/lib/kor";
import { blankToUndefined, isoDate } from "@/lib/platform/validation";
import type { BankLineExclusion, BankLineStatus, BankStatementLine } from "@/lib/platform/db/generated/prisma/client";
import { toIsoDate } from "@/lib/platform/validation";

export const acceptBankLineSchema = z
  .object({
    category: z.enum(CATEGORY_CODES, "validation.category"),
    // The invoice's own date; without it the payment's booking date.
    date: z
      .preprocess(blankToUndefined, isoDate.optional())
      .meta({ description: "The invoice's own date; default: the payment's booking date." }),
    // The invoice's number; without it one is made from the payment ("BANK-…").
    number: z.preprocess(blankToUndefined, z.string().trim().min(1, "validation.required").max(40, "validation.tooLong").optional()),
    vatCents: z
      .number("validation.integerCents")
      .int("validation.integerCents")
      .min(0, "validation.amountRange")
      .max(2_000_000_000, "validation.amountRange")
      .optional()
      .meta({ description: "VAT included in the payment; default 0." }),
    country: z
      .preprocess(
        blankToUndefined,
        z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{2}$/, "validation.country")
          .optional(),
      )
      .meta({ description: "Member state, for the categories that need one." }),
    customerType: z.preprocess(blankToUndefined, z.enum(["business", "consumer"], "validation.customerType").optional()),
    // For a line of an account in another currency, one of the two: the euros the payment
    // was worth (its rate follows), or the rate to the euro (1 unit is … euro).
    euroCents: z
      .number("validation.integerCents")
      .int("validation.integerCents")
      .min(1, "validation.amountRange")
      .max(2_000_000_000, "validation.amountRange")
      .optional()
      .meta({
        description:
          "For a line of an account in another currency, the euros the payment was worth (the rate follows; the invoice's net and VAT add up to it). Give this or `exchangeRate`, not both; refused for a euro line (`validation.onlyForeignCurrency`).",
      }),
    exchangeRate: z
      .number("validation.exchangeRate")
      .positive("validation.exchangeRate")
      .max(1_000_000, "validation.exchangeRate")
      .optional()
      .meta({
        description:
          "For a line of an account in another currency, the rate to the euro (1 unit is … euro). Without it or `euroCents` such a line is 400 with `fieldKeys` `euroCents` and `exchangeRate`: `validation.euroAmountOrRate`; with both, `validation.euroAmountOrRateNotBoth`.",
      }),
    remember: z.boolean("validation.boolean").optional(),
  })
  .strict();
export type AcceptBankLineInput = z.output<typeof acceptBankLineSchema>;

export const rejectBankLineSchema = z.object({ remember: z.boolean("validation.boolean").optional() }).strict();

// `candidates`: to review; `left_out`: matched to an invoice or excluded for a reason;
// `incoming`: every line of money in, whatever became of it; `all`: money out too.
export const BANK_LINE_FILTERS = ["candidates", "accepted", "rejected", "left_out", "incoming", "all"] as const;
export type BankLineFilter = (typeof BANK_LINE_FILTERS)[number];
/** The filters a page of money in is counted by (the tabs of the review page). */
export const INCOMING_FILTERS = ["candidates", "accepted", "rejected", "left_out", "incoming"] as const satisfies readonly BankLineFilter[];
export type BankLineCounts = Record<(typeof INCOMING_FILTERS)[number], number>;
export const BANK_LINES_MAX_PAGE_SIZE = 200;
export const listBankLinesQuerySchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(BANK_LINE_FILTERS, "validation.invalid").default("candidates")),
  // A whole number in range; "1.5", "x" or "0" is refused, not rounded.
  page: z.coerce.number("validation.page").int("validation.page").min(1, "validation.page").max(100_000, "validation.page").default(1),
  pageSize: z.coerce
    .number("validation.pageSize")
    .int("validation.pageSize")
    .min(1, "validation.pageSize")
    .max(BANK_LINES_MAX_PAGE_SIZE, "validation.pageSize")
    .default(100),
});

export type BankLineStatusJson = "candidate" | "accepted" | "rejected" | "matched" | "excluded" | "outgoing";
export type BankLineExclusionJson = "own_account" | "reversal" | "refund" | "private_deposit" | "counterparty_rule";

export type BankLineDto = {
  id: string;
  importId: string;
  accountIban: string;
  bookingDate: string;
  valueDate: string | null;
  amountCents: number;
  currency: string;
  originalAmount: { amountCents: number; currency: string } | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  description: string;
  status: BankLineStatusJson;
  exclusion: BankLineExclusionJson | null;
  matchedInvoice: { id: string; number: string } | null;
  invoice: { id: string; number: string } | null;
  /** The counterparty's remembered choice, when there is one. */
  rule: { decision: "turnover" | "not_turnover"; category: Category | null } | null;
};

export type BankStatementSummary = {
  id: string;
  format: string;
  /** The statement's account (with several accounts in the file: the first). */
  accountIban: string | null;
  /** Every account the file's lines are booked on, in file order. */
  accountIbans: string[];
  statementId: string | null;
  fromDate: string | null;
  toDate: string | null;
  openingBalanceCents: number | null;
  closingBalanceCents: number | null;
  lines: number;
  /** Lines not imported before (the rest were already known: re-importing adds nothing). */
  newLines: number;
  candidates: number;
  matched: number;
  excluded: number;
  /** Accepted at once by the counterparty's "always turnover" rule. */
  acceptedByRule: number;
  outgoing: number;
};

const lower = <T extends string>(value: T) => value.toLowerCase() as Lowercase<T>;

type LineRow = BankStatementLine & {
  matchedInvoice?: { id: string; number: string } | null;
  invoice?: { id: string; number: string } | null;
};

export function toBankLineDto(line: LineRow, rule: BankLineDto["rule"] = null): BankLineDto {
  return {
    id: line.id,
    importId: line.importId,
    accountIban: line.accountIban,
    bookingDate: toIsoDate(line.bookingDate),
    valueDate: line.valueDate ? toIsoDate(line.valueDate) : null,
    amountCents: line.amountCents,
    currency: line.currency,
    originalAmount:
      line.originalAmountCents !== null && line.originalCurrency
        ? { amountCents: line.originalAmountCents, currency: line.originalCurrency }
        : null,
    counterpartyName: line.counterpartyName,
    counterpartyIban: line.counterpartyIban,
    description: line.description,
    status: lower(line.status as BankLineStatus),
    exclusion: line.exclusion ? lower(line.exclusion as BankLineExclusion) : null,
    matchedInvoice: line.matchedInvoice ? { id: line.matchedInvoice.id, number: line.matchedInvoice.number } : null,
    invoice: line.invoice ? { id: line.invoice.id, number: line.invoice.number } : null,
    rule,
  };
}

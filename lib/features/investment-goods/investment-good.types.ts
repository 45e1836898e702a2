// Boundary schema of an investment good (bedrijfsmiddel) for the btw-herziening planner
// (docs/domain/KOR-RULES.md §3.6): what it is, the VAT paid on it, the year it was first used and whether
// it is movable (5-year revision period) or immovable (10 years). The VAT comes as euros
// typed in a form ("4.500" or "4500,00"); the DTO carries cents.
import { z } from "zod";
import { parseEuroInput } from "@/lib/features/dashboard/kor-comparison";

/** Well within Int: a building's VAT of €10 million. */
const MAX_VAT_CENTS = 1_000_000_000;

export const investmentGoodInputSchema = z.strictObject({
  description: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(200, { error: "validation.tooLong" }),
  vat: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .transform((text, ctx) => {
      const cents = parseEuroInput(text);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: "validation.amount" });
        return z.NEVER;
      }
      if (cents <= 0 || cents > MAX_VAT_CENTS) {
        ctx.addIssue({ code: "custom", message: cents <= 0 ? "validation.positiveAmount" : "validation.amountRange" });
        return z.NEVER;
      }
      return cents;
    }),
  firstUseYear: z.coerce
    .number({ error: "validation.firstUseYear" })
    .int({ error: "validation.firstUseYear" })
    .min(1990, { error: "validation.firstUseYear" })
    .max(2100, { error: "validation.firstUseYear" }),
  kind: z.enum(["MOVABLE", "IMMOVABLE"], { error: "validation.goodKind" }),
});

export type InvestmentGoodInput = z.input<typeof investmentGoodInputSchema>;

export type InvestmentGoodDto = {
  id: string;
  description: string;
  vatCents: number;
  firstUseYear: number;
  kind: "MOVABLE" | "IMMOVABLE";
  createdAt: string;
};

export function toInvestmentGoodDto(row: {
  id: string;
  description: string;
  vatCents: number;
  firstUseYear: number;
  kind: "MOVABLE" | "IMMOVABLE";
  createdAt: Date;
}): InvestmentGoodDto {
  return {
    id: row.id,
    description: row.description,
    vatCents: row.vatCents,
    firstUseYear: row.firstUseYear,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
  };
}

// The boundary of the VAT-return figures: the period asked for, the filing mark sent, and
// what the page and the API answer.
import { z } from "zod";
import { isoDate, yearSchema } from "@/lib/platform/validation";
import type { VatReturn } from "./compute-vat-return";
import type { Correction, FiledFigures } from "./correction";

export const periodLabel = z
  .string("validation.period")
  .trim()
  .regex(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/, "validation.period");

/** GET …/vat-returns: the year (default: the current year). */
export const vatReturnYearQuerySchema = z.object({
  year: yearSchema.optional().meta({ description: "Default: the current year (Europe/Amsterdam)." }),
});

export const vatReturnQuerySchema = z.object({
  period: z.preprocess((value) => (value === "" ? undefined : value), periodLabel.optional()),
  year: vatReturnYearQuerySchema.shape.year,
});

export const fileVatReturnSchema = z
  .object({
    filedOn: isoDate,
    correction: z
      .boolean("validation.boolean")
      .optional()
      .meta({ description: "A filed return's correction (suppletie) was filed: the current figures become the filed ones." }),
  })
  .strict();

export type VatReturnStatus = "notRequired" | "open" | "filed" | "correctionNeeded";

export type VatReturnFilingDto = { filedOn: string; figures: FiledFigures; updatedAt: string };

export type VatReturnDto = VatReturn & {
  status: VatReturnStatus;
  /** A return is due for the period: some day of it lies outside the KOR, on or after the business started. */
  required: boolean;
  filing: VatReturnFilingDto | null;
  /** Current minus filed, when the period was filed. */
  correction: Correction | null;
};

export type VatReturnYearDto = {
  /** Whose returns these are. */
  business: { id: string; name: string };
  year: number;
  frequency: "quarter" | "month";
  periods: {
    label: string;
    from: string;
    to: string;
    dueDate: string;
    outsideKorFrom: string | null;
    required: boolean;
    status: VatReturnStatus;
    filedOn: string | null;
    vatEuros5g: number;
  }[];
};

// Query strings of /api/v1 that no domain schema covers yet.
import { z } from "zod";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const turnoverQuerySchema = z.object({
  year: z
    .preprocess(
      blankToUndefined,
      z.coerce.number("validation.year").int("validation.year").min(2000, "validation.year").max(2100, "validation.year").optional(),
    )
    .meta({ description: "Default: the current year (Europe/Amsterdam)." }),
  explain: z
    .preprocess(blankToUndefined, z.enum(["true", "false"], "validation.boolean").optional())
    .meta({ description: "Add per-transaction explanations." }),
});

/** GET …/statement.pdf: the year and the PDF's language. */
export const statementPdfQuerySchema = z.object({
  year: turnoverQuerySchema.shape.year,
  lang: z
    .preprocess(blankToUndefined, z.enum(["nl", "en"], "validation.invalid").optional())
    .meta({ description: "The PDF's language. Default: nl." }),
});

/** GET …/eu-kor/quarters and …/icp-oss: the year (default: the current year). */
export const filingQuerySchema = z.object({ year: turnoverQuerySchema.shape.year });

// The boundary of a business: what a form or API may send to create or edit one.
import { z } from "zod";
import { isoDate, optionalText } from "@/lib/platform/validation";
import { isValidKvkNumber, isValidVatNumber, normaliseKvkNumber, normaliseVatNumber } from "@/lib/features/businesses/identifiers";

/** The 27 EU member states (ISO 3166 alpha-2; Greece as GR, as in the member-state table). */
export const EU_MEMBER_STATES = [
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
] as const;

const kvkNumber = z.string("validation.kvkNumber").transform(normaliseKvkNumber).refine(isValidKvkNumber, "validation.kvkNumber");

const vatNumber = z.string("validation.vatNumber").transform(normaliseVatNumber).refine(isValidVatNumber, "validation.vatNumber");

// Unknown keys are refused (.strict()), as everywhere at the API's boundary: a misspelt
// field must not be dropped without a word.
export const korParticipationSchema = z
  .object({ from: isoDate, to: optionalText(isoDate).meta({ description: "Last day inside; open when absent." }) }, "validation.object")
  .strict()
  .refine((period) => !period.to || period.to >= period.from, { message: "validation.periodOrder", path: ["to"] });

export const euKorSchema = z
  .object(
    {
      exNumber: optionalText(
        z
          .string("validation.exNumber")
          .trim()
          .regex(/^NL\d{9}EX\d{2,3}$/i, "validation.exNumber")
          .transform((v) => v.toUpperCase()),
      ),
      from: optionalText(isoDate),
      // NL is the home state: the EU-KOR exempts supplies in other member states.
      memberStates: z
        .array(
          z.enum(EU_MEMBER_STATES.filter((s) => s !== "NL") as [string, ...string[]], "validation.memberState"),
          "validation.memberState",
        )
        .default([]),
    },
    "validation.object",
  )
  .strict()
  .meta({ description: "EU-KOR (EU cross-border SME scheme) settings; null or absent when not used." });

export const businessInputSchema = z
  .object({
    name: z.string("validation.required").trim().min(1, "validation.required").max(120, "validation.tooLong"),
    kvkNumber: optionalText(kvkNumber).meta({ description: "8 digits (KVK, Chamber of Commerce number)." }),
    vatNumber: optionalText(vatNumber).meta({ description: "Dutch VAT ID: NL, 9 digits, B, 2 digits; must pass the check." }),
    filingPeriod: z.enum(["quarter", "month"], "validation.filingPeriod").default("quarter"),
    // The first day of business: a starter's pace is counted from it, not from 1 January.
    startedOn: optionalText(isoDate).meta({ description: "The first day of business: the projection counts a starter's pace from it." }),
    korParticipations: z
      .array(korParticipationSchema, "validation.invalid")
      .max(20, "validation.tooLong")
      .default([])
      .meta({ description: "KOR (small-business scheme) periods; they may not overlap." }),
    euKor: euKorSchema.nullish(),
  })
  .strict()
  .meta({ description: "Unknown keys are refused, here and in the nested objects." })
  .superRefine((input, ctx) => {
    // Overlapping KOR periods cannot both be true; say which one.
    const periods = input.korParticipations.map((period, index) => ({ ...period, index })).sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < periods.length; i++) {
      const previous = periods[i - 1]!;
      const current = periods[i]!;
      if (!previous.to || previous.to >= current.from) {
        ctx.addIssue({ code: "custom", path: ["korParticipations", current.index, "from"], message: "validation.periodOverlap" });
      }
    }
  });

export type BusinessInput = z.infer<typeof businessInputSchema>;

// Shared zod helpers: field-level messages keyed by path, and the calendar-date type.
// Messages are i18n keys ("validation.date"); the UI and the API translate them.
import { z } from "zod";
import { AppError } from "@/lib/errors";

/** Every problem of a failed parse, keyed by its dotted path; the first message per path wins. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError("VALIDATION_FAILED", "Validation failed", { fields: fieldErrors(result.error) });
  }
  return result.data;
}

/** A calendar date "YYYY-MM-DD" that exists (no 2026-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, "validation.date");

/** Empty form fields arrive as ""; treat them as absent. */
export const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

export const toIsoDate = (date: Date): string => date.toISOString().slice(0, 10);
export const fromIsoDate = (value: string): Date => new Date(`${value}T00:00:00Z`);

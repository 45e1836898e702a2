// Shared zod helpers: field-level messages keyed by path, and the calendar-date type.
// Messages are i18n keys ("validation.date"); the UI and the API translate them.
import { z } from "zod";
import { AppError, isAppError } from "@/lib/platform/errors";

// A message that is a key ("validation.date", "thresholds.rateDate"), not zod's own English.
const MESSAGE_KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;

/**
 * The field key of an issue whose schema gave no message of its own: every schema should,
 * but a primitive without one (`z.string()` sent a number) must still answer with a field
 * key, never zod's English ("Invalid input: expected string, received number"). Given to
 * every parse as its error map (a schema's own message still wins), where the input is at
 * hand to tell a missing field from a wrong one.
 */
export function fieldKeyOf(issue: { code?: string; input?: unknown; origin?: string }): string {
  if (issue.code === "invalid_type") return issue.input === undefined ? "validation.required" : "validation.invalid";
  if (issue.code === "too_big" && issue.origin === "string") return "validation.tooLong";
  return "validation.invalid";
}

/** Parse options that give an issue without a message of its own a field key (fieldKeyOf). */
export const WITH_FIELD_KEYS = { error: fieldKeyOf } as const;

/**
 * An issue's field key: its message when that is a key; else (a parse without WITH_FIELD_KEYS)
 * the key by kind. A finished issue no longer holds its input, so zod's own words tell
 * whether a value was missing.
 */
export function issueKey(issue: z.core.$ZodIssue): string {
  if (MESSAGE_KEY.test(issue.message)) return issue.message;
  if (issue.code === "invalid_type") return /received undefined$/.test(issue.message) ? "validation.required" : "validation.invalid";
  return fieldKeyOf(issue);
}

/** Every problem of a failed parse, keyed by its dotted path; the first message per path wins. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  // A Map, not an object: a key such as "__proto__" is a path like any other (an assignment
  // to a plain object would set its prototype instead, and the problem would be lost).
  const fields = new Map<string, string>();
  for (const issue of error.issues) {
    const base = issue.path.map(String);
    // An unknown key is reported at its own path, so the caller sees which one.
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((key) => [...base, key]) : [base];
    for (const path of keys) {
      const key = path.join(".") || "_";
      if (!fields.has(key)) fields.set(key, issue.code === "unrecognized_keys" ? "validation.unknownField" : issueKey(issue));
    }
  }
  return Object.fromEntries(fields);
}

export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const invalid = invalidTextFields(input);
  const result = schema.safeParse(input, WITH_FIELD_KEYS);
  if (!result.success || Object.keys(invalid).length) {
    const fields = { ...(result.success ? {} : fieldErrors(result.error)), ...invalid };
    throw new AppError("VALIDATION_FAILED", "Validation failed", { fields });
  }
  return result.data;
}

/**
 * A PATCH: the patch on its own (the schema the API document shows for it) and the stored
 * record with the patch merged in, each field's problem of both in one answer, as a form
 * that is sent whole shows them.
 */
export function parsePatchOrThrow<T extends z.ZodType>(options: {
  patchSchema: z.ZodType;
  patch: unknown;
  schema: T;
  merged: unknown;
}): z.infer<T> {
  let failed = false;
  const problems = (parse: () => unknown): Record<string, string> => {
    try {
      parse();
      return {};
    } catch (error) {
      if (!isAppError(error) || error.code !== "VALIDATION_FAILED") throw error;
      failed = true;
      return error.fields ?? {};
    }
  };
  const ofPatch = problems(() => parseOrThrow(options.patchSchema, options.patch));
  let result: z.infer<T> | undefined;
  const ofWhole = problems(() => {
    result = parseOrThrow(options.schema, options.merged);
  });
  // Failed is failed, even if no problem had a field to name.
  if (failed) throw new AppError("VALIDATION_FAILED", "Validation failed", { fields: { ...ofWhole, ...ofPatch } });
  return result as z.infer<T>;
}

// Characters no text field holds: NUL (PostgreSQL cannot store it), the other C0 control
// characters except tab, LF and CR, and UTF-16 surrogates without their pair (no
// character at all; a driver would silently store U+FFFD instead).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose
const INVALID_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasInvalidText = (value: string): boolean => INVALID_TEXT.test(value);

/**
 * Every string (and object key) in `input` holding a character no text may hold, by its
 * dotted path (a key's own path), with "validation.invalidCharacters". Iterative: any
 * depth is safe. Checked by parseOrThrow before any schema, so it covers every form, API
 * body and query string that is validated, and by the API's JSON body reader.
 */
export function invalidTextFields(input: unknown, prefix = ""): Record<string, string> {
  const fields: Record<string, string> = {};
  const stack: [unknown, string][] = [[input, prefix]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (typeof node === "string") {
      if (hasInvalidText(node)) fields[path || "_"] ??= "validation.invalidCharacters";
    } else if (node !== null && typeof node === "object" && !(node instanceof Date)) {
      for (const [key, value] of Object.entries(node)) {
        const childPath = path ? `${path}.${key}` : key;
        if (hasInvalidText(key)) fields[childPath] ??= "validation.invalidCharacters";
        stack.push([value, childPath]);
      }
    }
  }
  return fields;
}

/** A calendar date "YYYY-MM-DD" that exists (no 2026-02-30). */
export const isoDate = z
  .string("validation.date")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
  .refine(isCalendarDate, "validation.date")
  // For the API document (lib/platform/api/openapi.ts): the refinement above is what "format: date" means.
  .meta({ format: "date", examples: ["2026-03-31"] });

/** Whether "YYYY-MM-DD" names a day that exists; arithmetic only, it runs per CSV row. */
export function isCalendarDate(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** Empty form fields arrive as ""; treat them as absent. */
export const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

/** A blank text (or null) is an absent field: optional fields of forms and CSV rows send "". */
export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : (value ?? undefined));

/** An ISO 3166 alpha-2 country code, any case in. */
export const countryCodeSchema = z
  .string("validation.country")
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "validation.country");

/** An optional VAT identification number with its country prefix; spaces and dots are dropped. */
export const optionalVatIdSchema = z.preprocess(
  blankToUndefined,
  z
    .string("validation.vatId")
    .trim()
    .toUpperCase()
    .transform((v) => v.replace(/[\s.]/g, ""))
    .pipe(z.string().regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, "validation.vatId"))
    .optional(),
);

/** A calendar year as a query or form field (text in, a number out). */
export const yearSchema = z.coerce
  .number("validation.year")
  .int("validation.year")
  .min(2000, "validation.year")
  .max(2100, "validation.year");

export const toIsoDate = (date: Date): string => date.toISOString().slice(0, 10);
export const fromIsoDate = (value: string): Date => new Date(`${value}T00:00:00Z`);

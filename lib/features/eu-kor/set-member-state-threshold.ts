// An operator's change of one member state's threshold for one year (issue #20), the only
// way the stored thresholds change after the migration's seed. A national-currency
// threshold is converted to euro with the ECB rate of the first publication day of that
// year (KOR-RULES.md §2), and that day is checked; a euro state's threshold is entered in
// euro. Validated field by field; the row and its audit entry (who, before, after) are
// written in one transaction, so a refused change writes nothing. Runs in system mode
// (scripts/thresholds-set.ts): there is no administrator role in the web app.
import { z } from "zod";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import {
  convertToEuroCents,
  ecbRateDateFor,
  isEcbRate,
  normalizeRate,
  type ThresholdRow,
  unavailableRow,
  isEuMemberState,
} from "@/lib/kor";
import { fromIsoDate, issueKey, WITH_FIELD_KEYS } from "@/lib/platform/validation";
import { toThresholdRow } from "./load-member-state-thresholds";

const euro = z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, { error: "thresholds.euro" });
const wholeUnits = z
  .string()
  .regex(/^\d{1,10}$/, { error: "thresholds.wholeUnits" })
  .transform(Number)
  .refine((n) => n <= 2_147_483_647, { error: "thresholds.wholeUnits" });

export const setThresholdSchema = z
  .object({
    year: z
      .string()
      .regex(/^\d{4}$/, { error: "thresholds.year" })
      .transform(Number)
      .refine((y) => y >= 2020 && y <= 2100, { error: "thresholds.year" }),
    state: z.string().refine(isEuMemberState, { error: "thresholds.state" }),
    by: z.string().trim().min(1, { error: "thresholds.by" }).max(200, { error: "thresholds.by" }),
    unavailable: z.boolean().optional(),
    thresholdEur: euro.optional(),
    ceilingEur: euro.optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { error: "thresholds.currency" })
      .refine((c) => c !== "EUR", { error: "thresholds.currency" })
      .optional(),
    localAmount: wholeUnits.optional(),
    localCeiling: wholeUnits.optional(),
    rate: z.string().refine(isEcbRate, { error: "thresholds.rate" }).optional(),
    rateDate: z.string().optional(),
    note: z.string().max(500, { error: "thresholds.note" }).optional(),
  })
  .superRefine((input, ctx) => {
    // The rate's day is checked with the other fields, so one refusal names every wrong field.
    if (input.rateDate !== undefined && Number.isInteger(input.year) && input.rateDate !== ecbRateDateFor(input.year))
      ctx.addIssue({ code: "custom", path: ["rateDate"], message: "thresholds.rateDate" });
  });

export type SetThresholdInput = z.input<typeof setThresholdSchema>;

const euroToCents = (value: string): number => Math.round(Number(value) * 100);

function invalid(fields: Record<string, string>): AppError {
  return new AppError("VALIDATION_FAILED", "Invalid threshold", { fields });
}

/** The row as it will be stored, from the parsed input and the current row (if any). */
export function nextThresholdRow(input: z.output<typeof setThresholdSchema>, current: ThresholdRow | null): ThresholdRow {
  const { year, state } = input;
  const note = input.note !== undefined ? input.note || null : (current?.note ?? null);
  if (input.unavailable) {
    const extra = (["thresholdEur", "ceilingEur", "currency", "localAmount", "localCeiling", "rate", "rateDate"] as const).filter(
      (k) => input[k] !== undefined,
    );
    if (extra.length > 0) throw invalid(Object.fromEntries(extra.map((k) => [k, "thresholds.notWithUnavailable"])));
    return unavailableRow(year, state, note);
  }
  const currency = input.currency ?? (input.thresholdEur === undefined ? current?.localCurrency : null) ?? null;
  if (currency === null) {
    // A euro threshold.
    if (input.thresholdEur === undefined) throw invalid({ thresholdEur: "thresholds.required" });
    const extra = (["localAmount", "localCeiling", "rate", "rateDate"] as const).filter((k) => input[k] !== undefined);
    if (extra.length > 0) throw invalid(Object.fromEntries(extra.map((k) => [k, "thresholds.euroState"])));
    return {
      year,
      state,
      available: true,
      thresholdCents: euroToCents(input.thresholdEur),
      currentYearCeilingCents: input.ceilingEur !== undefined ? euroToCents(input.ceilingEur) : null,
      localCurrency: null,
      localAmount: null,
      localCeilingAmount: null,
      ecbRate: null,
      ecbRateDate: null,
      approximate: false,
      note,
    };
  }
  // A national-currency threshold: converted with the prescribed rate, never typed in euro.
  if (input.thresholdEur !== undefined || input.ceilingEur !== undefined) {
    throw invalid(
      Object.fromEntries(
        (["thresholdEur", "ceilingEur"] as const).filter((k) => input[k] !== undefined).map((k) => [k, "thresholds.convertedNotTyped"]),
      ),
    );
  }
  const localAmount = input.localAmount ?? (current?.localCurrency === currency ? current.localAmount : null);
  const localCeiling =
    input.localCeiling ?? (input.localAmount === undefined && current?.localCurrency === currency ? current.localCeilingAmount : null);
  const fields: Record<string, string> = {};
  if (localAmount === null) fields.localAmount = "thresholds.required";
  if (input.rate === undefined) fields.rate = "thresholds.required";
  const expectedDate = ecbRateDateFor(year);
  if (input.rateDate === undefined) fields.rateDate = "thresholds.required";
  else if (input.rateDate !== expectedDate) fields.rateDate = "thresholds.rateDate";
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return {
    year,
    state,
    available: true,
    thresholdCents: convertToEuroCents(localAmount!, input.rate!),
    currentYearCeilingCents: localCeiling !== null ? convertToEuroCents(localCeiling, input.rate!) : null,
    localCurrency: currency,
    localAmount,
    localCeilingAmount: localCeiling,
    ecbRate: normalizeRate(input.rate!),
    ecbRateDate: expectedDate,
    approximate: false,
    note,
  };
}

/** Validates, converts and stores one threshold with its audit entry; returns the stored row. Call in system mode. */
export async function setMemberStateThreshold(raw: SetThresholdInput): Promise<{ before: ThresholdRow | null; after: ThresholdRow }> {
  const parsed = setThresholdSchema.safeParse(raw, WITH_FIELD_KEYS);
  if (!parsed.success) {
    throw invalid(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issueKey(issue)])));
  }
  const input = parsed.data;
  return db().$transaction(async (tx) => {
    const found = await tx.memberStateThreshold.findUnique({ where: { year_state: { year: input.year, state: input.state } } });
    const before = found ? toThresholdRow(found) : null;
    const after = nextThresholdRow(input, before);
    const data = {
      available: after.available,
      thresholdCents: after.thresholdCents,
      currentYearCeilingCents: after.currentYearCeilingCents,
      localCurrency: after.localCurrency,
      localAmount: after.localAmount,
      localCeilingAmount: after.localCeilingAmount,
      ecbRate: after.ecbRate,
      ecbRateDate: after.ecbRateDate === null ? null : fromIsoDate(after.ecbRateDate),
      approximate: after.approximate,
      note: after.note,
      updatedAt: new Date(),
    };
    await tx.memberStateThreshold.upsert({
      where: { year_state: { year: input.year, state: input.state } },
      create: { year: input.year, state: input.state, ...data },
      update: data,
    });
    await writeAuditLog(tx, {
      businessId: null,
      actorId: null,
      action: "memberStateThreshold.set",
      entityType: "MemberStateThreshold",
      entityId: `${input.year}-${input.state}`,
      before,
      after: { ...after, by: input.by },
    });
    return { before, after };
  });
}

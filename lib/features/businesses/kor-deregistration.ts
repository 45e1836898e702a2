// The deregistration step after a crossing (docs/domain/KOR-RULES.md §3.2): the crossing ends the KOR on
// its date by itself; the owner still deregisters at the Belastingdienst with that date
// as end date, and ticks the step off here with the day it was sent (or takes it back).
// Members who may register invoices may tick it; every change is audited.
import { z } from "zod";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db, type Tx } from "@/lib/platform/db/client";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { AppError } from "@/lib/platform/errors";
import { evaluate } from "@/lib/kor";
import { loadEngineInput } from "@/lib/features/books/load-engine-input";
import { fromIsoDate, isoDate, parseOrThrow, toIsoDate } from "@/lib/platform/validation";
import type { DeregistrationRecord } from "@/lib/features/dashboard/dashboard.types";

export const korDeregistrationSchema = z.object({ endDate: isoDate, sentOn: isoDate }).strict();

/** The deregistrations a business ticked off; the caller has checked access. */
export async function listKorDeregistrations(options: { businessId: string; client?: Tx }): Promise<DeregistrationRecord[]> {
  const rows = await (options.client ?? db()).korDeregistration.findMany({
    where: { businessId: options.businessId },
    orderBy: { endDate: "asc" },
  });
  return rows.map((row) => ({ endDate: toIsoDate(row.endDate), sentOn: toIsoDate(row.sentOn) }));
}

export async function recordKorDeregistration(options: {
  caller: Caller;
  businessId: string;
  input: unknown;
  today?: string;
}): Promise<DeregistrationRecord> {
  const { caller, businessId } = options;
  const input = parseOrThrow(korDeregistrationSchema, options.input);
  const today = options.today ?? amsterdamToday();
  return db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
    if (input.sentOn > today)
      throw new AppError("VALIDATION_FAILED", "Sent in the future", { fields: { sentOn: "validation.dateInFuture" } });
    // Only a crossing while in the KOR ends it; its date is the end date to name.
    const output = evaluate(await loadEngineInput({ businessId, asOf: today, client: tx }));
    if (!output.kor.crossings.some((c) => c.whileParticipating && c.date === input.endDate)) {
      throw new AppError("VALIDATION_FAILED", "No crossing on that date", { fields: { endDate: "validation.invalid" } });
    }
    const endDate = fromIsoDate(input.endDate);
    const before = await tx.korDeregistration.findUnique({ where: { businessId_endDate: { businessId, endDate } } });
    const row = await tx.korDeregistration.upsert({
      where: { businessId_endDate: { businessId, endDate } },
      create: { businessId, endDate, sentOn: fromIsoDate(input.sentOn), createdById: caller.userId },
      update: { sentOn: fromIsoDate(input.sentOn) },
    });
    const after = { endDate: input.endDate, sentOn: input.sentOn };
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "kor.deregistration.record",
      entityType: "KorDeregistration",
      entityId: row.id,
      before: before ? { endDate: toIsoDate(before.endDate), sentOn: toIsoDate(before.sentOn) } : undefined,
      after,
    });
    return after;
  });
}

export async function undoKorDeregistration(options: { caller: Caller; businessId: string; endDate: unknown }): Promise<void> {
  const { caller, businessId } = options;
  const endDate = parseOrThrow(isoDate, options.endDate);
  await db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
    const row = await tx.korDeregistration.findUnique({ where: { businessId_endDate: { businessId, endDate: fromIsoDate(endDate) } } });
    if (!row) throw new AppError("NOT_FOUND", "Not ticked off");
    await tx.korDeregistration.delete({ where: { id: row.id } });
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "kor.deregistration.undo",
      entityType: "KorDeregistration",
      entityId: row.id,
      before: { endDate, sentOn: toIsoDate(row.sentOn) },
    });
  });
}

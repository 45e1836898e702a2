// The generic "done" mark of a deadline (issue #16): a VAT return or an EU-KOR quarterly
// report filed, an EU-KOR crossing reported. Keyed by the deadline's stable key
// (deadline-key.ts) with the day it was done and who marked it; undo deletes the mark.
// Members who may register invoices may mark (a read-only accountant is refused); every
// change is audited; an outsider gets NOT_FOUND before anything is read.
import { z } from "zod";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { db, type Tx } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { firstDayOfQuarter, parseQuarterLabel, rulesFor, type ISODate } from "@/lib/kor";
import { readBooksInTransaction } from "@/lib/features/books/read-books";
import { fromIsoDate, isoDate, parseOrThrow, toIsoDate } from "@/lib/platform/validation";
import { deadlineKey, deadlineKeySchema, parseDeadlineKey, type DoneMarks } from "./deadline-key";

export const deadlineDoneSchema = z.object({ doneOn: isoDate.meta({ description: "The day it was done (filed, sent)." }) }).strict();

export type DeadlineDoneRecord = { key: string; doneOn: ISODate };

/** The marks of one business; the caller has checked access. */
export async function listDeadlinesDone(options: { businessId: string; client?: Tx }): Promise<Map<string, ISODate>> {
  const rows = await (options.client ?? db()).deadlineDone.findMany({
    where: { businessId: options.businessId },
    select: { key: true, doneOn: true },
  });
  return new Map(rows.map((row) => [row.key, toIsoDate(row.doneOn)]));
}

/** The marks of several businesses in one query (the accountant overview, the business list). */
export async function listDeadlinesDoneOf(options: { businessIds: readonly string[]; client?: Tx }): Promise<Map<string, DoneMarks>> {
  const out = new Map<string, Map<string, ISODate>>();
  if (options.businessIds.length === 0) return out;
  const rows = await (options.client ?? db()).deadlineDone.findMany({
    where: { businessId: { in: [...options.businessIds] } },
    select: { businessId: true, key: true, doneOn: true },
  });
  for (const row of rows) {
    const marks = out.get(row.businessId) ?? new Map<string, ISODate>();
    marks.set(row.key, toIsoDate(row.doneOn));
    out.set(row.businessId, marks);
  }
  return out;
}

/**
 * Whether the business has this deadline: an EU-KOR quarterly report of a quarter that has
 * begun while the business uses the EU-KOR (the quarterly page lists every quarter of the
 * year); any other kind must be one of the deadlines the engine lists for it today.
 */
async function knownDeadline(tx: Tx, businessId: string, key: string, today: ISODate): Promise<boolean> {
  const parsed = parseDeadlineKey(key)!;
  if (parsed.kind === "EU_KOR_REPORT_DUE") {
    const quarter = parseQuarterLabel(parsed.about);
    if (!quarter || firstDayOfQuarter(quarter.year, quarter.quarter) > today || !rulesFor(quarter.year).euKorAvailable) return false;
    const business = await tx.business.findUnique({ where: { id: businessId }, select: { euKorEnabled: true } });
    return business?.euKorEnabled === true;
  }
  const books = await readBooksInTransaction({ tx, businessId, asOf: today });
  return books?.output.deadlines.some((d) => deadlineKey(d) === key) === true;
}

export async function markDeadlineDone(options: {
  caller: Caller;
  businessId: string;
  key: unknown;
  input: unknown;
  today?: ISODate;
}): Promise<DeadlineDoneRecord> {
  const { caller, businessId } = options;
  const today = options.today ?? amsterdamToday();
  return db().$transaction(async (tx) => {
    // Access first: an outsider learns nothing, not even whether the key or body is valid.
    await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
    const key = parseOrThrow(z.object({ key: deadlineKeySchema }), { key: options.key }).key;
    const input = parseOrThrow(deadlineDoneSchema, options.input);
    if (input.doneOn > today)
      throw new AppError("VALIDATION_FAILED", "Done in the future", { fields: { doneOn: "validation.dateInFuture" } });
    if (!(await knownDeadline(tx, businessId, key, today))) {
      throw new AppError("VALIDATION_FAILED", "No such deadline", { fields: { key: "validation.deadlineKey" } });
    }
    const before = await tx.deadlineDone.findUnique({ where: { businessId_key: { businessId, key } } });
    const row = await tx.deadlineDone.upsert({
      where: { businessId_key: { businessId, key } },
      create: { businessId, key, doneOn: fromIsoDate(input.doneOn), markedById: caller.userId },
      update: { doneOn: fromIsoDate(input.doneOn), markedById: caller.userId },
    });
    const after = { key, doneOn: input.doneOn };
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "deadline.done.mark",
      entityType: "DeadlineDone",
      entityId: row.id,
      before: before ? { key, doneOn: toIsoDate(before.doneOn) } : undefined,
      after,
    });
    return after;
  });
}

export async function undoDeadlineDone(options: { caller: Caller; businessId: string; key: unknown }): Promise<void> {
  const { caller, businessId } = options;
  await db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
    const key = parseOrThrow(z.object({ key: deadlineKeySchema }), { key: options.key }).key;
    const row = await tx.deadlineDone.findUnique({ where: { businessId_key: { businessId, key } } });
    if (!row) throw new AppError("NOT_FOUND", "Not marked done");
    await tx.deadlineDone.delete({ where: { id: row.id } });
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "deadline.done.undo",
      entityType: "DeadlineDone",
      entityId: row.id,
      before: { key, doneOn: toIsoDate(row.doneOn) },
    });
  });
}

// A deadline's stable name (issue #16): its kind and the period or event it belongs to,
// never its label or its date, so a "done" mark keeps meaning the same deadline when the
// wording changes or the due date is recomputed. Pure.
import { z } from "zod";
import type { Deadline, DeadlineKind, ISODate } from "@/lib/kor";

/** Deadlines the owner meets by doing something once: filing, reporting, notifying. */
export const DONEABLE_KINDS = ["VAT_RETURN_DUE", "EU_KOR_REPORT_DUE", "EU_KOR_NOTIFY_BY"] as const satisfies readonly DeadlineKind[];
export type DoneableKind = (typeof DONEABLE_KINDS)[number];

// The period each kind is about: a quarter or month (VAT return), a quarter (EU-KOR
// report), the crossing date (EU-KOR notification).
const ABOUT: Record<DoneableKind, RegExp> = {
  VAT_RETURN_DUE: /^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/,
  EU_KOR_REPORT_DUE: /^\d{4}-Q[1-4]$/,
  EU_KOR_NOTIFY_BY: /^\d{4}-\d{2}-\d{2}$/,
};

/** Deadline key → the day it was done. */
export type DoneMarks = ReadonlyMap<string, ISODate>;

export function isDoneableKind(kind: string): kind is DoneableKind {
  return (DONEABLE_KINDS as readonly string[]).includes(kind);
}

/** "VAT_RETURN_DUE:2026-Q4"; null for a deadline that is not done by the owner (an apply-by date, a rejoin date). */
export function deadlineKey(deadline: Pick<Deadline, "kind" | "about">): string | null {
  if (!isDoneableKind(deadline.kind) || deadline.about === undefined) return null;
  return ABOUT[deadline.kind].test(deadline.about) ? `${deadline.kind}:${deadline.about}` : null;
}

export function parseDeadlineKey(key: string): { kind: DoneableKind; about: string } | null {
  const at = key.indexOf(":");
  if (at < 0) return null;
  const kind = key.slice(0, at);
  const about = key.slice(at + 1);
  return isDoneableKind(kind) && ABOUT[kind].test(about) ? { kind, about } : null;
}

export const deadlineKeySchema = z.string().refine((value) => parseDeadlineKey(value) !== null, { message: "validation.deadlineKey" });

/** The EU-KOR quarterly report's key for a quarter "2026-Q3". */
export const euKorReportKey = (quarter: string): string => `EU_KOR_REPORT_DUE:${quarter}`;

/**
 * The deadline whose done-mark was refused, from the page's query (`?deadline=invalid&key=…`,
 * set by the form action): only that deadline's form shows the error. Null for anything else.
 */
export function failedDeadlineKey(query: { deadline?: string | string[]; key?: string | string[] }): string | null {
  if (query.deadline !== "invalid" || typeof query.key !== "string") return null;
  return parseDeadlineKey(query.key) ? query.key : null;
}

// The kinds of notification a user can switch off (one per engine alert code, and one
// per deadline reminder). The kind is also what an unsubscribe link names.
import type { AlertCode, DeadlineKind } from "@/lib/kor";

/** Deadlines reminded 14 and 3 days ahead (issue #6). */
export const REMINDED_DEADLINE_KINDS = ["KOR_APPLY_BY", "EU_KOR_REPORT_DUE", "EU_KOR_NOTIFY_BY"] as const satisfies readonly DeadlineKind[];
export type RemindedDeadlineKind = (typeof REMINDED_DEADLINE_KINDS)[number];
/** Days before a deadline on which a reminder goes out; the closest reached one is sent. */
export const DEADLINE_REMINDER_DAYS = [14, 3] as const;

/** The first VAT return after a crossing: reminded before its due date and when late (rule table: firstVatReturnReminder). */
export const VAT_RETURN_REMINDER = "DEADLINE_VAT_RETURN_DUE" as const;

export type DeadlineReminderCode = `DEADLINE_${RemindedDeadlineKind}` | typeof VAT_RETURN_REMINDER;
export type NotificationKind = AlertCode | DeadlineReminderCode;

// A record, so adding an AlertCode to the engine without a kind here fails to compile.
const KINDS: Record<NotificationKind, true> = {
  KOR_THRESHOLD_APPROACHING: true,
  KOR_PROJECTED_CROSSING: true,
  KOR_THRESHOLD_CROSSED: true,
  KOR_VAT_ON_INVOICE: true,
  KOR_PARTICIPATION_IN_EXCLUSION: true,
  EU_KOR_THRESHOLD_APPROACHING: true,
  EU_KOR_PROJECTED_CROSSING: true,
  EU_KOR_THRESHOLD_CROSSED: true,
  EU_KOR_MEMBER_STATE_THRESHOLD_CROSSED: true,
  EU_DISTANCE_SALES_THRESHOLD_CROSSED: true,
  EU_DISTANCE_SALES_PREVIOUS_YEAR_EXCEEDED: true,
  DEADLINE_KOR_APPLY_BY: true,
  DEADLINE_EU_KOR_REPORT_DUE: true,
  DEADLINE_EU_KOR_NOTIFY_BY: true,
  DEADLINE_VAT_RETURN_DUE: true,
};

export const NOTIFICATION_KINDS = Object.keys(KINDS) as NotificationKind[];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && Object.hasOwn(KINDS, value);
}

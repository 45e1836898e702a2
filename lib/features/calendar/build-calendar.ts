// The iCalendar text (RFC 5545, written by ical-generator) of a user's deadlines: one
// all-day event per deadline, its UID stable for as long as the deadline is the same
// deadline (business, kind and what it is about), so a calendar app moves an event whose
// date the books changed instead of adding a second one. Pure: no I/O, no clock.
import ical, { ICalCalendarMethod } from "ical-generator";
import type { DeadlineItem } from "@/lib/features/dashboard/dashboard.types";
import nlDashboard from "@/lib/platform/i18n/messages/nl/dashboard.json";
import enDashboard from "@/lib/platform/i18n/messages/en/dashboard.json";
import { dateInWords } from "@/lib/kor";

export type Language = "nl" | "en";

export type CalendarDeadline = { businessId: string; businessName: string; deadline: DeadlineItem };

const KIND_LABELS: Record<Language, Record<string, string>> = {
  nl: nlDashboard.dashboard.deadlines.kind,
  en: enDashboard.dashboard.deadlines.kind,
};

// "ingediend op {date}" / "gedaan op {date}": the dashboard's words for a deadline marked done.
const DONE: Record<Language, { filedOn: string; doneOn: string }> = {
  nl: nlDashboard.dashboard.deadlines,
  en: enDashboard.dashboard.deadlines,
};

function doneText(deadline: DeadlineItem, language: Language): string | null {
  if (!deadline.doneOn) return null;
  const words = DONE[language][deadline.kind === "EU_KOR_NOTIFY_BY" ? "doneOn" : "filedOn"];
  return words.replace("{date}", dateInWords(deadline.doneOn, language));
}

const TITLE: Record<Language, string> = { nl: "Drempel — deadlines", en: "Drempel — deadlines" };
const RULE: Record<Language, string> = { nl: "Regel", en: "Rule" };
const INTERPRETATION: Record<Language, string> = {
  nl: "interpretatie — overleg met je adviseur",
  en: "interpretation — check with your adviser",
};

/** A stable UID: the same business, kind and subject give the same event. */
export function deadlineUid(entry: { businessId: string; deadline: Pick<DeadlineItem, "kind" | "about" | "date"> }): string {
  const about = (entry.deadline.about ?? entry.deadline.date).replace(/[^A-Za-z0-9-]/g, "_");
  return `${entry.businessId}-${entry.deadline.kind}-${about}@drempel`;
}

export function buildCalendar(options: { language: Language; deadlines: CalendarDeadline[]; now: Date; appUrl: string }): string {
  const { language, now } = options;
  const calendar = ical({
    name: TITLE[language],
    prodId: { company: "Drempel", product: "deadlines", language: language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    timezone: "Europe/Amsterdam",
    // Calendar apps that honour it refresh twice a day.
    ttl: 12 * 60 * 60,
  });
  const seen = new Set<string>();
  const sorted = [...options.deadlines].sort(
    (a, b) => a.deadline.date.localeCompare(b.deadline.date) || a.businessName.localeCompare(b.businessName, "nl"),
  );
  for (const entry of sorted) {
    const { deadline } = entry;
    // An option (a voluntary deregistration's effective date) is no deadline.
    if (deadline.choice) continue;
    let uid = deadlineUid(entry);
    for (let n = 2; seen.has(uid); n++) uid = deadlineUid(entry).replace("@", `-${n}@`);
    seen.add(uid);
    const label = KIND_LABELS[language][deadline.kind] ?? deadline.kind;
    const rule = `${RULE[language]}: ${deadline.rule}${deadline.interpretation ? ` (${INTERPRETATION[language]})` : ""}`;
    const url = `${options.appUrl.replace(/\/$/, "")}/businesses/${entry.businessId}`;
    // A deadline marked done stays (its history), marked so it no longer reads as a to-do.
    const done = doneText(deadline, language);
    calendar.createEvent({
      id: uid,
      // A calendar date: midnight UTC of that date is written as the same date (VALUE=DATE).
      start: new Date(`${deadline.date}T00:00:00Z`),
      allDay: true,
      stamp: now,
      summary: done ? `✓ ${entry.businessName}: ${label} (${done})` : `${entry.businessName}: ${label}`,
      description: `${done ? `${done.charAt(0).toUpperCase()}${done.slice(1)}.\n` : ""}${deadline.messages[language]}\n${rule}\n${url}`,
      url,
    });
  }
  return calendar.toString();
}

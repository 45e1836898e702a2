// A deadline marked done stays in the calendar (its history), marked as done with its day,
// so the calendar no longer reads as something still to do (issue #16).
import { describe, expect, it } from "vitest";
import { buildCalendar, type CalendarDeadline } from "@/lib/features/calendar/build-calendar";

const vatReturn = (doneOn: string | null): CalendarDeadline => ({
  businessId: "b1",
  businessName: "Fietsen Vast",
  deadline: {
    ruleId: "kor.crossing",
    rule: "§3.2",
    interpretation: false,
    kind: "VAT_RETURN_DUE",
    date: "2026-01-31",
    about: "2025-Q4",
    past: true,
    choice: false,
    daysLate: doneOn ? null : 310,
    key: "VAT_RETURN_DUE:2025-Q4",
    doneOn,
    messages: { nl: "Eerste btw-aangifte na de overschrijding.", en: "First VAT return after the crossing." },
  } as CalendarDeadline["deadline"],
});

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

describe("buildCalendar", () => {
  it("marks a deadline that is done with its day, in the event's title and description", () => {
    const ics = unfold(
      buildCalendar({
        language: "nl",
        deadlines: [vatReturn("2026-01-20")],
        now: new Date("2026-12-07T10:00:00Z"),
        appUrl: "https://drempel.test",
      }),
    );
    expect(ics).toContain("SUMMARY:✓ Fietsen Vast: Btw-aangifte (ingediend op 20 januari 2026)");
    expect(ics).toContain("DESCRIPTION:Ingediend op 20 januari 2026.");
  });

  it("leaves a deadline that is not done as it was", () => {
    const ics = unfold(
      buildCalendar({
        language: "en",
        deadlines: [vatReturn(null)],
        now: new Date("2026-12-07T10:00:00Z"),
        appUrl: "https://drempel.test",
      }),
    );
    expect(ics).toContain("SUMMARY:Fietsen Vast: VAT return");
    expect(ics).not.toContain("✓");
  });
});

// The "Wat moet je doen?" items of deadlines the owner meets by doing something once
// (issue #16): the first VAT return after a crossing and the EU-KOR quarterly report.
// Each carries its stable key; one marked done shows as done with its day, is never late
// and never "next". Pure.
import { deadlineKey, type DoneMarks } from "@/lib/features/deadlines/deadline-key";
import type { Deadline, EngineOutput, ISODate } from "@/lib/kor";
import type { ActionItem } from "../dashboard.types";
import { daysLate, ruleInfo } from "./card-options";

/** The day a deadline was marked done, or null. */
export function doneOnOf(
  deadline: Pick<Deadline, "kind" | "about">,
  done: DoneMarks | undefined,
): { key: string | null; doneOn: ISODate | null } {
  const key = deadlineKey(deadline);
  return { key, doneOn: key === null ? null : (done?.get(key) ?? null) };
}

function actionOf(deadline: Deadline, kind: "vatReturn" | "euReport", output: EngineOutput, done: DoneMarks | undefined): ActionItem {
  const { key, doneOn } = doneOnOf(deadline, done);
  const late = doneOn === null ? daysLate(deadline.date, output.asOf) : null;
  return {
    ...ruleInfo(deadline),
    key: `${kind}:${deadline.about ?? deadline.date}`,
    kind,
    level: doneOn !== null ? "info" : late !== null ? "critical" : kind === "vatReturn" ? "warning" : "info",
    alertCode: null,
    deadline: deadline.date,
    daysLate: late,
    deadlineKey: key,
    doneOn,
    params: { date: deadline.date, ...(deadline.about ? { period: deadline.about, start: deadline.about } : {}) },
    detail: deadline.messages,
  };
}

/**
 * The first VAT returns after a crossing: those of the selected year's periods, and in the
 * current year every one not yet done (a late return of last year's crossing stays) or
 * due this year. The
 * EU-KOR report: in the current year the nearest one not yet filed, and those filed whose
 * due date has not passed (so the owner sees the mark and can take it back).
 */
export function deadlineActions(options: { output: EngineOutput; year: number; isCurrentYear: boolean; done?: DoneMarks }): ActionItem[] {
  const { output, year, isCurrentYear, done } = options;
  const isDone = (d: Deadline) => doneOnOf(d, done).doneOn !== null;
  const vat = output.deadlines.filter(
    (d) =>
      d.kind === "VAT_RETURN_DUE" &&
      ((d.about ?? "").startsWith(String(year)) || (isCurrentYear && (!isDone(d) || d.date.startsWith(String(year))))),
  );
  const out = vat.map((d) => actionOf(d, "vatReturn", output, done));
  if (isCurrentYear) {
    const reports = output.deadlines
      .filter((d) => d.kind === "EU_KOR_REPORT_DUE" && d.date >= output.asOf)
      .sort((a, b) => a.date.localeCompare(b.date));
    const next = reports.find((d) => !isDone(d));
    for (const d of reports) if (d === next || isDone(d)) out.push(actionOf(d, "euReport", output, done));
  }
  return out;
}

// The deadlines list: every date of the evaluation, in order, the past ones marked.
import type { EngineOutput } from "@/lib/kor";
import type { DeadlineItem } from "../dashboard.types";
import type { DoneMarks } from "@/lib/features/deadlines/deadline-key";
import { daysLate, ruleInfo } from "./card-options";
import { doneOnOf } from "./deadline-actions";

// Dates by which the owner must do something; the others (a deregistration taking effect,
// the earliest rejoin) are events that simply pass.
const TO_DO_KINDS: ReadonlySet<DeadlineItem["kind"]> = new Set(["KOR_APPLY_BY", "VAT_RETURN_DUE", "EU_KOR_NOTIFY_BY", "EU_KOR_REPORT_DUE"]);

export function buildDeadlines(output: EngineOutput, done: DoneMarks | undefined): DeadlineItem[] {
  return output.deadlines
    .map((d) => ({ d, mark: doneOnOf(d, done) }))
    .map(({ d, mark }) => ({
      ...ruleInfo(d),
      kind: d.kind,
      date: d.date,
      about: d.about ?? null,
      past: d.date < output.asOf,
      choice: d.choice === true,
      daysLate: d.choice !== true && TO_DO_KINDS.has(d.kind) && mark.doneOn === null ? daysLate(d.date, output.asOf) : null,
      key: mark.key,
      doneOn: mark.doneOn,
      messages: d.messages,
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

// One client's line of the overview, from one engine evaluation of this year. Pure: the
// same status words as the dashboard (korStatus), plus "projected" when the engine's
// projection expects the limit to be crossed before 31 December.
import { korStatus } from "@/lib/features/dashboard/kor-status";
import { rulesFor, type Deadline, type EngineOutput, type ISODate, percentOfLimit } from "@/lib/kor";
import { deadlineKey, type DoneMarks } from "@/lib/features/deadlines/deadline-key";
import type { ClientRow, ClientStatus } from "./accountant.types";

export type ClientFacts = Pick<ClientRow, "businessId" | "name" | "kvkNumber" | "access" | "lastInvoiceDate"> & { euKorEnabled: boolean };

// The dashboard's and the mails' rounding rule (lib/kor/money.ts), so a client's share reads the same everywhere.
const percentOf = percentOfLimit;

export function addDays(date: ISODate, days: number): ISODate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `done`: the business's deadlines marked done (key → day); a done deadline is never the next one. */
export function buildClientRow(facts: ClientFacts, output: EngineOutput, done?: DoneMarks): ClientRow {
  const { euKorEnabled, ...rest } = facts;
  const asOf = output.asOf;
  const year = Number(asOf.slice(0, 4));
  const rules = rulesFor(year);
  const totals = output.years[String(year)];
  const countedCents = totals?.korTurnoverCents ?? 0;
  const limitCents = rules.korLimitCents;
  const percent = percentOf(countedCents, limitCents);
  const crossing = output.kor.crossings.find((c) => c.year === year);
  const participating = (crossing?.whileParticipating ?? false) || output.kor.participatingOnAsOf;
  let status: ClientStatus = korStatus({
    crossedWhileParticipating: crossing?.whileParticipating ?? false,
    participating,
    percent,
    approachingPercent: rules.approachingPercents[0] ?? 80,
  });
  const projection = output.projection.year === year ? output.projection.kor : null;
  const projectedDate = projection && !projection.alreadyCrossed && projection.sufficientData ? projection.expectedCrossingDate : null;
  if ((status === "safe" || status === "approaching") && projectedDate) status = "projected";
  const crossingDate = status === "notInKor" ? null : (crossing?.date ?? projectedDate);
  // A date that applies only if the owner chooses to leave is not a deadline (issue #16).
  const isDone = (d: Deadline) => {
    const key = deadlineKey(d);
    return key !== null && done?.has(key) === true;
  };
  const upcoming = output.deadlines
    .filter((d) => d.date >= asOf && d.choice !== true && !isDone(d))
    .sort((a, b) => a.date.localeCompare(b.date));
  const weekEnd = addDays(asOf, 6);
  const unionLimit = totals?.limits.unionCents ?? rules.unionLimitCents;
  const unionCents = totals?.unionTurnoverCents ?? 0;
  return {
    ...rest,
    countedCents,
    limitCents,
    percent,
    status,
    crossingDate,
    union: euKorEnabled ? { cents: unionCents, limitCents: unionLimit, percent: percentOf(unionCents, unionLimit) } : null,
    nextDeadline: upcoming[0] ? { kind: upcoming[0].kind, date: upcoming[0].date } : null,
    deadlinesThisWeek: upcoming.filter((d) => d.date <= weekEnd).length,
    openAlerts: output.alerts.filter((a) => a.year === year).length,
  };
}

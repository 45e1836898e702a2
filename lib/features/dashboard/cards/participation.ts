// The participation panel: having left the KOR by a crossing (the deregistration to tick
// off) or being excluded after leaving.
import { exclusionEndDate, korParticipationIn, type ISODate } from "@/lib/kor";
import type { ParticipationInfo } from "../dashboard.types";
import { daysLate, refOf, type BuildDashboardOptions } from "./card-options";

/** Left the KOR: by this year's crossing (with the deregistration to tick off), or excluded after an earlier leaving. */
export function buildParticipation(options: BuildDashboardOptions): ParticipationInfo | null {
  const { output, year, invoices } = options;
  const state = korParticipationIn(output, year);
  if (state.status === "endedByCrossing" && state.endedOn !== null) {
    const sent = options.deregistrations?.find((d) => d.endDate === state.endedOn) ?? null;
    return {
      status: "endedByCrossing",
      endedOn: state.endedOn,
      crossingInvoice: state.crossingTransactionId ? refOf(invoices, state.crossingTransactionId) : null,
      earliestRejoin: state.earliestRejoin,
      excludedUntil: exclusionEndDate(state.endedOn),
      deregistration: {
        endDate: state.endedOn,
        sentOn: sent?.sentOn ?? null,
        daysLate: sent ? null : daysLate(state.endedOn, output.asOf),
      },
    };
  }
  if (state.status === "excluded" && state.endedOn !== null) {
    return {
      status: "excluded",
      endedOn: state.endedOn,
      crossingInvoice: null,
      earliestRejoin: state.earliestRejoin,
      excludedUntil: output.kor.exclusion?.to ?? null,
      deregistration: null,
    };
  }
  return null;
}

/** The KOR periods a crossing while in the KOR ended, with the day it ended them (the KOR periods card). */
export function buildPeriodEndings(options: BuildDashboardOptions): { periodFrom: ISODate; endedOn: ISODate }[] {
  const { input, output } = options;
  return output.kor.crossings
    .filter((c) => c.whileParticipating)
    .flatMap((c) => {
      const period = (input.business.korParticipations ?? []).find((p) => p.from <= c.date && (p.to === undefined || c.date <= p.to));
      return period ? [{ periodFrom: period.from, endedOn: c.date }] : [];
    });
}

// Where a business stands with the KOR in one year, from an evaluation (§3.2, §3.4): still
// in it, left by the year's crossing on the crossing date (whatever the stored period
// says), excluded after an earlier leaving, or not in it. The dashboard, the turnover
// answer and the accountant's overview all say it in these words.

import { earliestRejoinDate } from "./deadlines";
import type { EngineOutput, ISODate } from "./types";

export type KorParticipationStatus = "participating" | "endedByCrossing" | "excluded" | "notParticipating";

export type KorParticipationState = {
  status: KorParticipationStatus;
  /** The first day outside the KOR (the crossing date after a crossing). */
  endedOn: ISODate | null;
  /** Ended by a crossing: the invoice that crossed. */
  crossingTransactionId: string | null;
  earliestRejoin: ISODate | null;
};

export function korParticipationIn(output: EngineOutput, year: number): KorParticipationState {
  const crossing = output.kor.crossings.find((c) => c.year === year && c.whileParticipating);
  if (crossing) {
    return {
      status: "endedByCrossing",
      endedOn: crossing.date,
      crossingTransactionId: crossing.transactionId,
      earliestRejoin: earliestRejoinDate(crossing.date),
    };
  }
  const asOfYear = Number(output.asOf.slice(0, 4));
  const exclusion = output.kor.exclusion;
  const day = year === asOfYear ? output.asOf : `${year}-12-31`;
  if (exclusion && exclusion.from <= day && day <= exclusion.to) {
    return { status: "excluded", endedOn: exclusion.from, crossingTransactionId: null, earliestRejoin: output.kor.earliestRejoin };
  }
  if (year === asOfYear && output.kor.participatingOnAsOf)
    return { status: "participating", endedOn: null, crossingTransactionId: null, earliestRejoin: null };
  return { status: "notParticipating", endedOn: null, crossingTransactionId: null, earliestRejoin: null };
}

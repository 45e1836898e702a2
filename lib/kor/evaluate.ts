// `evaluate`: the one function the web app, the alert job, the accountant view and the
// command line call. Pure — no I/O, no clock (asOf is "today"). It expects an input that
// passed `parseEngineInput`; it does not validate again, to stay fast on large books.

import { buildAlerts } from "./alerts";
import { CATEGORIES } from "./categories";
import { earliestRejoinDate, euKorNotifyByDate } from "./deadlines";
import { dateKeyOf, firstDayOfQuarter, monthOf, quarterOfMonth, yearOf } from "./dates";
import { euKorEligibilityFor, euKorStatesOf, korEligibilityFor, type EligibilityContext } from "./eligibility";
import { buildExplanations } from "./explain";
import { atRiskOnCrossingDay, buildLedger, txAt, type Ledger } from "./ledger";
import { vatContained, vatOnTop } from "./money";
import {
  currentExclusion,
  earliestRejoinOf,
  exclusionWindowsOf,
  leavingsOf,
  participatingOn,
  periodsStartingInExclusion,
} from "./participation";
import { projectYear } from "./projection";
import { answerQueries } from "./queries";
import { makeRuleLookup, withRule, type RuleSet } from "./rules";
import { buildDeadlines } from "./schedule";
import type {
  EligibilityDetail,
  EngineInput,
  EngineOutput,
  EuKorCrossing,
  EvaluateOptions,
  ISODate,
  KorCrossing,
  Remediation,
  YearTotals,
} from "./types";

function yearTotals(ledger: Ledger): Record<string, YearTotals> {
  const out: Record<string, YearTotals> = {};
  for (const acc of [...ledger.years].sort((a, b) => a.year - b.year)) {
    const memberStateTurnoverCents: Record<string, number> = {};
    for (const [state, total] of acc.memberStates) if (total !== 0) memberStateTurnoverCents[state] = total;
    out[String(acc.year)] = {
      korTurnoverCents: acc.kor.cents,
      unionTurnoverCents: acc.union.cents,
      memberStateTurnoverCents,
      distanceSalesCents: acc.distance,
      transactionCount: acc.txCount,
      limits: {
        korCents: acc.rules.korLimitCents,
        unionCents: acc.rules.unionLimitCents,
        distanceSalesCents: acc.rules.distanceSalesThresholdCents,
      },
    };
  }
  return out;
}

/** §4: the supplies per member state from the start of the crossing's quarter up to and including the crossing. */
function suppliesSinceQuarterStart(ledger: Ledger, pos: number, states: readonly string[]): Record<string, number> {
  const crossing = txAt(ledger, pos);
  const quarterStart = dateKeyOf(firstDayOfQuarter(yearOf(crossing.date), quarterOfMonth(monthOf(crossing.date))));
  const totals: Record<string, number> = { NL: 0 };
  for (const state of states) totals[state] = 0;
  const rules = ledger.yearMap.get(yearOf(crossing.date))?.rules;
  for (let p = pos; p >= 0 && ledger.dateKeys[ledger.order[p]!]! >= quarterStart; p--) {
    const tx = txAt(ledger, p);
    const info = CATEGORIES[tx.category];
    if (!info.countsForUnion) continue;
    if (info.ancillaryAllowed && tx.ancillary === true && rules?.ancillaryExemptExcluded !== false) continue;
    const state = info.memberState === "NL" ? "NL" : tx.country;
    if (state !== undefined) totals[state] = (totals[state] ?? 0) + tx.netCents;
  }
  return totals;
}

function remediationOf(ledger: Ledger): Remediation | null {
  if (!ledger.korCrossings.some((c) => c.whileParticipating)) return null;
  const lines = ledger.remediation.map((r) => {
    const tx = txAt(ledger, r.pos);
    return {
      transactionId: tx.id,
      date: tx.date,
      netCents: tx.netCents,
      ratePercent: r.ratePercent,
      reinvoiceVatCents: vatOnTop(tx.netCents, r.ratePercent),
      absorbedVatCents: vatContained(tx.netCents, r.ratePercent),
    };
  });
  return withRule("kor.remediation", {
    transactionIds: lines.map((l) => l.transactionId),
    reinvoiceVatCents: lines.reduce((sum, l) => sum + l.reinvoiceVatCents, 0),
    absorbedVatCents: lines.reduce((sum, l) => sum + l.absorbedVatCents, 0),
    lines,
  });
}

function historyStartOf(input: EngineInput, ledger: Ledger): ISODate | null {
  const first = ledger.order.length > 0 ? txAt(ledger, 0).date : null;
  const started = input.business.startedOn ?? null;
  if (first === null) return started;
  if (started === null) return first;
  // biome-ignore lint/complexity/useMathMinMax: ISO dates, compared as strings
  return started < first ? started : first;
}

export function evaluate(input: EngineInput, options: EvaluateOptions = {}): EngineOutput {
  const { business, asOf } = input;
  const rulesOf: (year: number) => RuleSet = makeRuleLookup(input.rules);
  const asOfYear = yearOf(asOf);
  const ledger = buildLedger(input.transactions, business, asOfYear, rulesOf);

  const korCrossings: KorCrossing[] = ledger.korCrossings.map((c) => {
    const tx = txAt(ledger, c.pos);
    return withRule("kor.crossing", {
      year: c.year,
      date: tx.date,
      transactionId: tx.id,
      whileParticipating: c.whileParticipating,
      runningTotalBeforeCents: c.before,
      runningTotalAfterCents: c.after,
      atRisk: atRiskOnCrossingDay(ledger, c.pos, "kor"),
    });
  });

  const euStates = euKorStatesOf(business, ledger);
  const euKorCrossings: EuKorCrossing[] = ledger.unionCrossings.map((c) => {
    const tx = txAt(ledger, c.pos);
    return withRule("euKor.crossing", {
      year: c.year,
      date: tx.date,
      transactionId: tx.id,
      runningTotalBeforeCents: c.before,
      runningTotalAfterCents: c.after,
      atRisk: atRiskOnCrossingDay(ledger, c.pos, "union"),
      notifyBy: euKorNotifyByDate(tx.date),
      suppliesSinceQuarterStartCents: suppliesSinceQuarterStart(ledger, c.pos, business.euKor?.memberStates ?? []),
    });
  });

  const windows = exclusionWindowsOf(leavingsOf(ledger));
  const exclusion = currentExclusion(ledger, windows);
  const earliestRejoin = earliestRejoinOf(exclusion);
  const participatingOnAsOf = participatingOn(ledger, asOf);

  const eligibilityContext: EligibilityContext = { business, ledger, rulesOf, windows };
  const korEligibility: Record<string, boolean> = {};
  const korEligibilityDetails: Record<string, EligibilityDetail> = {};
  const euEligibility: Record<string, Record<string, boolean>> = {};
  const euEligibilityDetails: Record<string, Record<string, EligibilityDetail>> = {};
  for (const year of [asOfYear, asOfYear + 1]) {
    const detail = korEligibilityFor(eligibilityContext, year);
    korEligibility[String(year)] = detail.eligible;
    korEligibilityDetails[String(year)] = detail;
    const perState: Record<string, boolean> = {};
    const perStateDetail: Record<string, EligibilityDetail> = {};
    for (const state of euStates) {
      const d = euKorEligibilityFor(eligibilityContext, year, state);
      perState[state] = d.eligible;
      perStateDetail[state] = d;
    }
    euEligibility[String(year)] = perState;
    euEligibilityDetails[String(year)] = perStateDetail;
  }

  const current = ledger.yearMap.get(asOfYear);
  const historyStart = historyStartOf(input, ledger);
  const asOfRules = rulesOf(asOfYear);
  const projection = {
    year: asOfYear,
    kor: projectYear({
      measure: "kor",
      year: asOfYear,
      asOf,
      limitCents: asOfRules.korLimitCents,
      current: ledger.series.korCurrent,
      previous: ledger.series.korPrevious,
      historyStart,
      startedOn: business.startedOn ?? null,
      actualCrossingDate: current && current.kor.crossPos >= 0 ? txAt(ledger, current.kor.crossPos).date : null,
      rules: asOfRules.projection,
    }),
    union: projectYear({
      measure: "union",
      year: asOfYear,
      asOf,
      limitCents: asOfRules.unionLimitCents,
      current: ledger.series.unionCurrent,
      previous: ledger.series.unionPrevious,
      historyStart,
      startedOn: business.startedOn ?? null,
      actualCrossingDate: current && current.union.crossPos >= 0 ? txAt(ledger, current.union.crossPos).date : null,
      rules: asOfRules.projection,
    }),
  };

  const alerts = buildAlerts({
    business,
    asOf,
    ledger,
    rulesOf,
    korCrossings,
    euKorCrossings,
    participatingOnAsOf,
    projection,
    exclusionConflicts: periodsStartingInExclusion(ledger, windows),
    earliestRejoinAfter: (w) => earliestRejoinDate(w.from),
  });

  const deadlines = buildDeadlines({
    business,
    asOf,
    ledger,
    rulesOf,
    participatingOnAsOf,
    korEligibility,
    earliestRejoin,
    korCrossings,
    euKorCrossings,
  });

  const output: EngineOutput = {
    asOf,
    years: yearTotals(ledger),
    kor: {
      crossings: korCrossings,
      eligibility: korEligibility,
      eligibilityDetails: korEligibilityDetails,
      earliestRejoin,
      exclusion: exclusion ? { from: exclusion.from, to: exclusion.to } : null,
      participatingOnAsOf,
      remediation: remediationOf(ledger),
    },
    euKor: {
      crossings: euKorCrossings,
      eligibility: euEligibility,
      eligibilityDetails: euEligibilityDetails,
      memberStateCrossings: ledger.memberStateCrossings.map((m) => {
        const tx = txAt(ledger, m.pos);
        return withRule("euKor.memberStateCrossing", {
          year: m.year,
          state: m.state,
          date: tx.date,
          transactionId: tx.id,
          limitCents: m.limit,
        });
      }),
    },
    alerts,
    deadlines,
    projection,
    answers: answerQueries(input.queries, business),
  };
  if (options.explain) output.explanations = buildExplanations(ledger);
  return output;
}

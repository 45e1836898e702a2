// Eligibility for the asOf year and the next: the NL KOR (§3.1, §3.4) and the EU-KOR per
// member state (§4). Every condition is returned as a check naming its rule, so the UI
// can say why a year is or is not open.

import { dateInWords } from "./dates";
import { txAt, type Ledger } from "./ledger";
import { formatEuro } from "./money";
import { excludedInYear, type ExclusionWindow } from "./participation";
import { withRule, type RuleId, type RuleSet } from "./rules";
import type { Bilingual, Business, EligibilityCheck, EligibilityDetail } from "./types";

function check(ruleId: RuleId, passed: boolean, nl: string, en: string): EligibilityCheck {
  return withRule(ruleId, { passed, messages: { nl, en } });
}

function detail(checks: EligibilityCheck[]): EligibilityDetail {
  return { eligible: checks.every((c) => c.passed), checks };
}

// Limits and totals repeat across checks and businesses: a small cache spares most formatting.
const nlDate = (date: string) => dateInWords(date, "nl");
const enDate = (date: string) => dateInWords(date, "en");

const euroCache = new Map<number, Bilingual>();
const EURO_CACHE_SIZE = 4096;

function euro(cents: number): Bilingual {
  let text = euroCache.get(cents);
  if (!text) {
    if (euroCache.size >= EURO_CACHE_SIZE) euroCache.clear();
    text = { nl: formatEuro(cents, "nl"), en: formatEuro(cents, "en") };
    euroCache.set(cents, text);
  }
  return text;
}

export type EligibilityContext = {
  business: Business;
  ledger: Ledger;
  rulesOf: (year: number) => RuleSet;
  windows: readonly ExclusionWindow[];
};

/**
 * §3.1 for calendar year Y. Choices: the previous year is tested on its final total (a
 * credit note after a non-participant's crossing brings it back — §3.1 says "counted
 * turnover in Y−1 ≤ €20,000", C); the current year is tested on what is known so far,
 * i.e. whether its running total has exceeded the limit at any point (§3.2: a later
 * credit note does not revive the KOR, C).
 */
export function korEligibilityFor(ctx: EligibilityContext, year: number): EligibilityDetail {
  const { business, ledger } = ctx;
  const rules = ctx.rulesOf(year);
  const limit = rules.korLimitCents;
  const checks: EligibilityCheck[] = [];

  const fixedOnly = business.fixedEstablishmentOnly === true;
  const established = fixedOnly ? rules.fixedEstablishmentOnlyAllowed : business.establishedIn === "NL";
  checks.push(
    fixedOnly
      ? check(
          "kor.establishment",
          established,
          established
            ? "Vaste inrichting in Nederland: toegestaan in dit jaar."
            : "Alleen een vaste inrichting in Nederland: sinds 2025 geen KOR.",
          established ? "Fixed establishment in NL: allowed in this year." : "Only a fixed establishment in NL: no KOR since 2025.",
        )
      : check(
          "kor.establishment",
          established,
          established ? "Gevestigd in Nederland." : `Hoofdvestiging in ${business.establishedIn}, niet in Nederland: geen KOR.`,
          established ? "Established in the Netherlands." : `Head office in ${business.establishedIn}, not in NL: no KOR.`,
        ),
  );

  const previousYear = ledger.yearMap.get(year - 1);
  const previous = previousYear?.kor.cents ?? 0;
  const previousOk = previous <= limit;
  // The interpretation only decides when Y−1 crossed and a credit note brought it back.
  const creditNoteDecided = previousOk && previousYear !== undefined && previousYear.kor.crossPos >= 0;
  checks.push(
    check(
      creditNoteDecided ? "kor.previousYearTotal" : "kor.eligibility",
      previousOk,
      `Omzet ${year - 1}: ${euro(previous).nl} (grens ${euro(limit).nl}).`,
      `Turnover ${year - 1}: ${euro(previous).en} (limit ${euro(limit).en}).`,
    ),
  );

  const current = ledger.yearMap.get(year);
  const crossed = current !== undefined && current.kor.crossPos >= 0;
  const currentTotal = current?.kor.cents ?? 0;
  checks.push(
    crossed
      ? check(
          "kor.crossing",
          false,
          `Omzet ${year} is boven ${euro(limit).nl} gekomen op ${nlDate(txAt(ledger, current.kor.crossPos).date)}.`,
          `Turnover ${year} went over ${euro(limit).en} on ${enDate(txAt(ledger, current.kor.crossPos).date)}.`,
        )
      : check(
          "kor.eligibility",
          true,
          `Omzet ${year} tot nu toe: ${euro(currentTotal).nl} (grens ${euro(limit).nl}).`,
          `Turnover ${year} so far: ${euro(currentTotal).en} (limit ${euro(limit).en}).`,
        ),
  );

  const window = excludedInYear(ctx.windows, year);
  checks.push(
    window
      ? check(
          "kor.exclusion",
          false,
          `Uitgesloten van ${nlDate(window.from)} tot en met ${nlDate(window.to)} na het verlaten van de KOR.`,
          `Excluded from ${enDate(window.from)} to ${enDate(window.to)} after leaving the KOR.`,
        )
      : check("kor.exclusion", true, "Geen uitsluiting na afmelding.", "No exclusion after leaving."),
  );
  return detail(checks);
}

/** Member states the EU-KOR eligibility is reported for: the chosen ones, else every state with turnover. */
export function euKorStatesOf(business: Business, ledger: Ledger): string[] {
  const chosen = business.euKor?.memberStates ?? [];
  if (chosen.length > 0) return [...new Set(chosen)];
  const states = new Set<string>();
  for (const acc of ledger.years) for (const [state, total] of acc.memberStates) if (total !== 0) states.add(state);
  return [...states].sort();
}

/**
 * §4 for calendar year Y and state S. The previous year is tested on "no crossing of
 * €100,000" (which also covers the blocked year after a crossing); the state's own
 * threshold on its final total of Y−1, and on its running total of Y against its
 * current-year ceiling, or its threshold where it has none (C).
 */
export function euKorEligibilityFor(ctx: EligibilityContext, year: number, state: string): EligibilityDetail {
  const { business, ledger } = ctx;
  const rules = ctx.rulesOf(year);
  const checks: EligibilityCheck[] = [];

  checks.push(
    check(
      "euKor.eligibility",
      rules.euKorAvailable,
      rules.euKorAvailable ? "De EU-KOR bestaat in dit jaar." : "De EU-KOR bestaat pas vanaf 2025.",
      rules.euKorAvailable ? "The EU-KOR exists in this year." : "The EU-KOR exists from 2025 only.",
    ),
  );
  const headOffice = business.establishedIn === "NL" && business.fixedEstablishmentOnly !== true;
  checks.push(
    check(
      "euKor.eligibility",
      headOffice,
      headOffice ? "Hoofdvestiging in Nederland." : "De EU-KOR via Nederland vraagt een hoofdvestiging in Nederland.",
      headOffice ? "Head office in the Netherlands." : "The EU-KOR through NL requires a head office in NL.",
    ),
  );
  const foreign = state !== business.establishedIn;
  checks.push(
    check(
      "euKor.eligibility",
      foreign,
      foreign
        ? `${state} is een ander land dan het vestigingsland.`
        : `${state} is het vestigingsland: daar geldt de nationale regeling (KOR), niet de EU-KOR.`,
      foreign ? `${state} is not the home state.` : `${state} is the home state: the domestic scheme applies there, not the EU-KOR.`,
    ),
  );

  const prev = ledger.yearMap.get(year - 1);
  const prevCrossed = prev !== undefined && prev.union.crossPos >= 0;
  checks.push(
    check(
      prevCrossed ? "euKor.followingYearBlocked" : "euKor.eligibility",
      !prevCrossed,
      prevCrossed
        ? `EU-omzet ${year - 1} kwam boven ${euro(rules.unionLimitCents).nl}: ${year} is geblokkeerd.`
        : `EU-omzet ${year - 1}: ${euro(prev?.union.cents ?? 0).nl} (grens ${euro(rules.unionLimitCents).nl}).`,
      prevCrossed
        ? `Union turnover ${year - 1} went over ${euro(rules.unionLimitCents).en}: ${year} is blocked.`
        : `Union turnover ${year - 1}: ${euro(prev?.union.cents ?? 0).en} (limit ${euro(rules.unionLimitCents).en}).`,
    ),
  );
  const cur = ledger.yearMap.get(year);
  const curCrossed = cur !== undefined && cur.union.crossPos >= 0;
  checks.push(
    check(
      curCrossed ? "euKor.crossing" : "euKor.eligibility",
      !curCrossed,
      curCrossed
        ? `EU-omzet ${year} kwam boven ${euro(rules.unionLimitCents).nl} op ${nlDate(txAt(ledger, cur.union.crossPos).date)}.`
        : `EU-omzet ${year} tot nu toe: ${euro(cur?.union.cents ?? 0).nl}.`,
      curCrossed
        ? `Union turnover ${year} went over ${euro(rules.unionLimitCents).en} on ${enDate(txAt(ledger, cur.union.crossPos).date)}.`
        : `Union turnover ${year} so far: ${euro(cur?.union.cents ?? 0).en}.`,
    ),
  );

  const threshold = rules.memberStateThresholds[state];
  if (!threshold) {
    checks.push(
      check(
        "memberState.thresholds",
        false,
        `${state} kent geen vrijstelling voor kleine ondernemers: de EU-KOR kan daar niet worden gebruikt.`,
        `${state} has no SME exemption: the EU-KOR cannot be used there.`,
      ),
    );
    return detail(checks);
  }
  const prevState = prev?.memberStates.get(state) ?? 0;
  const prevStateOk = prevState <= threshold.thresholdCents;
  checks.push(
    check(
      "memberState.thresholds",
      prevStateOk,
      `Omzet in ${state} in ${year - 1}: ${euro(prevState).nl} (drempel ${euro(threshold.thresholdCents).nl}).`,
      `Turnover in ${state} in ${year - 1}: ${euro(prevState).en} (threshold ${euro(threshold.thresholdCents).en}).`,
    ),
  );
  const ceiling = threshold.currentYearCeilingCents ?? threshold.thresholdCents;
  const crossPos = cur?.memberStateCrossPos.get(state);
  const curState = cur?.memberStates.get(state) ?? 0;
  checks.push(
    crossPos !== undefined
      ? check(
          "euKor.memberStateCrossing",
          false,
          `Omzet in ${state} in ${year} kwam boven ${euro(ceiling).nl} op ${nlDate(txAt(ledger, crossPos).date)}.`,
          `Turnover in ${state} in ${year} went over ${euro(ceiling).en} on ${enDate(txAt(ledger, crossPos).date)}.`,
        )
      : check(
          threshold.currentYearCeilingCents === undefined ? "euKor.memberStateCurrentYear" : "memberState.thresholds",
          true,
          `Omzet in ${state} in ${year} tot nu toe: ${euro(curState).nl} (plafond ${euro(ceiling).nl}).`,
          `Turnover in ${state} in ${year} so far: ${euro(curState).en} (ceiling ${euro(ceiling).en}).`,
        ),
  );
  return detail(checks);
}

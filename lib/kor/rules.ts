// The versioned rule table: every number the engine uses (limits, rates, holidays, lead
// times, member-state thresholds) keyed by the first year it applies, and the catalogue
// of rules with their docs/domain/KOR-RULES.md section and confidence. Nothing else in lib/kor may
// hold a threshold literal.

import { MEMBER_STATE_DATA, seedRows, thresholdsByYear, type MemberStateThreshold } from "./member-state-thresholds";
import type { Bilingual, Cents, RuleOverrides, RuleRef } from "./types";

export type Confidence = "A" | "B" | "C";

export type RuleMeta = {
  /** Section of docs/domain/KOR-RULES.md (or of docs/domain/ENGINE-CONTRACT.md / this product, see `source`). */
  section: string;
  confidence: Confidence;
  /** Confidence C: our own reading; the UI shows "interpretation — check with your adviser". */
  interpretation: boolean;
  source: "KOR-RULES.md" | "ENGINE-CONTRACT.md" | "product";
  title: Bilingual;
};

function meta(section: string, confidence: Confidence, nl: string, en: string, source: RuleMeta["source"] = "KOR-RULES.md"): RuleMeta {
  return { section, confidence, interpretation: confidence === "C", source, title: { nl, en } };
}

export const RULE_CATALOG = {
  "kor.limit": meta(
    "§1",
    "A",
    "KOR-omzetgrens: ten hoogste €20.000 per kalenderjaar",
    "KOR turnover limit: at most €20,000 per calendar year",
  ),
  "union.limit": meta(
    "§1",
    "A",
    "EU-KOR: EU-omzet ten hoogste €100.000 per kalenderjaar",
    "EU-KOR: Union turnover at most €100,000 per calendar year",
  ),
  "distanceSales.threshold": meta(
    "§1",
    "A",
    "Drempel afstandsverkopen binnen de EU (art. 59c): €10.000",
    "EU B2C distance-sales threshold (art. 59c): €10,000",
  ),
  "memberState.thresholds": meta(
    "§1",
    "B",
    "Nationale vrijstellingsgrenzen van de EU-lidstaten",
    "Domestic exemption thresholds of the EU member states",
  ),
  "count.categories": meta("§2", "A", "Welke omzet meetelt, per soort transactie", "What counts as turnover, per transaction category"),
  "count.ancillary": meta(
    "§2",
    "C",
    "Bijkomende vrijgestelde vastgoed-, financiële en verzekeringshandelingen tellen niet mee",
    "Ancillary exempt real-estate, financial and insurance transactions do not count",
  ),
  "count.euB2bServicesState": meta(
    "§2",
    "C",
    "Diensten aan EU-ondernemers tellen voor het land van de afnemer",
    "Services to EU businesses count for the customer's member state",
  ),
  "count.nonEuServices": meta(
    "§2",
    "C",
    "Diensten met plaats van dienst buiten de EU tellen nergens mee",
    "Services supplied outside the EU count nowhere",
  ),
  "count.chargeabilityDate": meta(
    "§2",
    "C",
    "Omzet telt in het jaar van de factuur-, betaal- of leverdatum",
    "Turnover counts in the year of its chargeability date",
  ),
  "count.noAnnualisation": meta(
    "§2",
    "B",
    "Een gedeeltelijk jaar wordt niet naar een heel jaar omgerekend",
    "A part year is never annualised",
  ),
  "count.orderWithinDay": meta(
    "§2",
    "C",
    "Volgorde binnen een dag: eerst op volgnummer, daarna in invoervolgorde",
    "Order within a day: by sequence first, then input order",
  ),
  "kor.eligibility": meta("§3.1", "B", "Voorwaarden voor de KOR in een kalenderjaar", "Conditions for the KOR in a calendar year"),
  "kor.establishment": meta(
    "§3.1",
    "B",
    "Alleen ondernemers gevestigd in Nederland (sinds 2025 geen vaste inrichting)",
    "Only businesses established in NL (no fixed establishment since 2025)",
  ),
  "kor.previousYearTotal": meta(
    "§3.1",
    "C",
    "Vorig jaar: de eindtotaalomzet telt, ook na een creditnota",
    "Previous year: its final total counts, credit notes included",
  ),
  "kor.crossing": meta(
    "§3.2",
    "A",
    "Grens overschreden: btw vanaf die transactie, over het hele bedrag",
    "Limit crossed: VAT from that transaction, on the whole amount",
  ),
  "kor.approaching": meta(
    "§3.2",
    "A",
    "Waarschuwing bij 80% en 95% van de omzetgrens",
    "Warning at 80% and 95% of the limit",
    "ENGINE-CONTRACT.md",
  ),
  "kor.creditNoteNoRevival": meta(
    "§3.2",
    "C",
    "Een latere creditnota brengt de KOR dat jaar niet terug",
    "A later credit note does not revive the KOR that year",
  ),
  "kor.firstVatReturn": meta(
    "§3.2",
    "B",
    "Eerste btw-aangifte: het tijdvak van de overschrijding",
    "First VAT return: the period of the crossing",
  ),
  "kor.remediation": meta(
    "§3.3",
    "C",
    "Facturen zonder btw na de overschrijding: opnieuw factureren of de btw zelf dragen",
    "Invoices without VAT after the crossing: re-invoice or absorb the VAT",
  ),
  "kor.effectiveDate": meta(
    "§3.4",
    "B",
    "Aan- en afmelding: ingang op het eerste tijdvak ten minste 4 weken (29 dagen) na ontvangst",
    "Joining and leaving take effect at the first period start at least 4 weeks (29 days) after receipt",
  ),
  "kor.confirmationTime": meta("§3.4", "B", "Bevestiging duurt meestal 4 tot 8 weken", "Confirmation usually takes 4 to 8 weeks"),
  "kor.exclusion": meta(
    "§3.4",
    "B",
    "Na afmelden: rest van dat jaar en het hele volgende jaar uitgesloten",
    "After leaving: excluded for the rest of that year and the whole next year",
  ),
  "kor.exclusionFromEffectiveDate": meta(
    "§3.4",
    "C",
    "Afmelding per 1 januari: uitsluiting telt vanaf de ingangsdatum",
    "Leaving on 1 January: the exclusion counts from the effective date",
  ),
  "kor.vatOnInvoice": meta(
    "§3.5",
    "C",
    "Btw op een factuur binnen de KOR is verschuldigd; deelname vervalt mogelijk",
    "VAT shown on an invoice inside the KOR is payable; participation may lapse",
  ),
  revision: meta("§3.6", "B", "Herziening van voorbelasting op investeringsgoederen", "Revision of input VAT on investment goods"),
  "euKor.eligibility": meta("§4", "A", "Voorwaarden voor de EU-KOR per lidstaat", "Conditions for the EU-KOR per member state"),
  "euKor.crossing": meta(
    "§4",
    "A",
    "EU-omzet boven €100.000: vrijstelling in andere lidstaten eindigt vanaf die levering",
    "Union turnover above €100,000: the exemption abroad ends from that supply",
  ),
  "euKor.approaching": meta(
    "§4",
    "A",
    "Waarschuwing bij 80% en 95% van de EU-omzetgrens",
    "Warning at 80% and 95% of the Union limit",
    "ENGINE-CONTRACT.md",
  ),
  "euKor.followingYearBlocked": meta(
    "§4",
    "A",
    "Na een overschrijding is het volgende jaar de EU-KOR uitgesloten",
    "After a crossing the following year is blocked for the EU-KOR",
  ),
  "euKor.notification": meta(
    "§4",
    "A",
    "Melden binnen 15 werkdagen na de overschrijding",
    "Inform within 15 working days after the crossing",
  ),
  "euKor.goodFriday": meta(
    "§4",
    "C",
    "Goede Vrijdag geldt als feestdag voor de werkdagentermijn",
    "Good Friday counts as a holiday for the working-day deadline",
  ),
  "euKor.quarterlyReport": meta(
    "§4",
    "A",
    "Kwartaalrapport binnen een maand na het kwartaal",
    "Quarterly report within one month after the quarter",
  ),
  "euKor.memberStateCrossing": meta(
    "§4",
    "B",
    "Grens van een lidstaat overschreden: vrijstelling daar eindigt",
    "A member state's threshold crossed: the exemption there ends",
  ),
  "euKor.memberStateCurrentYear": meta(
    "§4",
    "C",
    "Lidstaat: dit jaar telt de lopende omzet tot nu toe tegen het plafond",
    "Member state: this year the running total so far is tested against the ceiling",
  ),
  "vatReturn.due": meta(
    "§3.2",
    "B",
    "Btw-aangifte uiterlijk de laatste dag van de maand na het tijdvak",
    "VAT return due on the last day of the month after the period",
  ),
  projection: meta(
    "§3.2",
    "C",
    "Verwachting van de KOR-omzet op basis van het tempo (en seizoen) tot nu toe — een schatting, geen regel",
    "Projection of KOR turnover at the pace (and seasonality) so far — an estimate, not a rule",
    "product",
  ),
  "icp.statement": meta(
    "§2",
    "C",
    "Opgaaf ICP: per btw-nummer van de afnemer de goederen en diensten aan ondernemers in andere EU-landen, per kwartaal",
    "ICP statement: per customer VAT number the goods and services supplied to businesses in other EU states, per quarter",
    "product",
  ),
  "oss.return": meta(
    "§1",
    "C",
    "Éénloketsysteem (OSS): per lidstaat de afstandsverkopen aan consumenten die daar belast zijn, per kwartaal",
    "One-Stop Shop (OSS): per member state the distance sales to consumers taxed there, per quarter",
    "product",
  ),
  "projection.union": meta(
    "§4",
    "C",
    "Verwachting van de EU-omzet op basis van het tempo (en seizoen) tot nu toe — een schatting, geen regel",
    "Projection of Union turnover at the pace (and seasonality) so far — an estimate, not a rule",
    "product",
  ),
} as const satisfies Record<string, RuleMeta>;

export type RuleId = keyof typeof RULE_CATALOG;

export function ruleRef(ruleId: RuleId): RuleRef {
  const m: RuleMeta = RULE_CATALOG[ruleId];
  return { ruleId, rule: m.section, interpretation: m.interpretation };
}

/**
 * A figure with its rule reference first. Object.assign rather than object spread: in
 * the engine's hot paths spread measured many times slower.
 */
export function withRule<T extends object>(ruleId: RuleId, fields: T): RuleRef & T {
  return Object.assign(ruleRef(ruleId), fields);
}

// ---------------------------------------------------------------------------------------
// Member-state thresholds (data file, validated once at load; per year in member-state-thresholds.ts)

export type { MemberStateThreshold } from "./member-state-thresholds";

const SEEDED_BY_YEAR = thresholdsByYear(seedRows());

/** The 27 EU member states, as ISO 3166 codes (Greece is GR, as in the data file). */
export const EU_MEMBER_STATES: readonly string[] = Object.keys(MEMBER_STATE_DATA.states).sort();
const EU_SET = new Set(EU_MEMBER_STATES);

export function isEuMemberState(code: string): boolean {
  return EU_SET.has(code);
}

// ---------------------------------------------------------------------------------------
// Holidays of the Algemene Termijnenwet (general time-limits act), as data

export type HolidayRule = { id: string; name: Bilingual; ruleId: RuleId } & (
  | { kind: "fixed"; month: number; day: number }
  | { kind: "easter"; offsetDays: number }
  /** 27 April, or 26 April when the 27th is a Sunday. */
  | { kind: "kingsDay" }
);

const ALGEMENE_TERMIJNENWET_HOLIDAYS: readonly HolidayRule[] = [
  { id: "newYear", kind: "fixed", month: 1, day: 1, name: { nl: "Nieuwjaarsdag", en: "New Year's Day" }, ruleId: "euKor.notification" },
  { id: "goodFriday", kind: "easter", offsetDays: -2, name: { nl: "Goede Vrijdag", en: "Good Friday" }, ruleId: "euKor.goodFriday" },
  { id: "easterMonday", kind: "easter", offsetDays: 1, name: { nl: "Tweede paasdag", en: "Easter Monday" }, ruleId: "euKor.notification" },
  { id: "kingsDay", kind: "kingsDay", name: { nl: "Koningsdag", en: "King's Day" }, ruleId: "euKor.notification" },
  { id: "liberationDay", kind: "fixed", month: 5, day: 5, name: { nl: "5 mei", en: "5 May" }, ruleId: "euKor.notification" },
  { id: "ascension", kind: "easter", offsetDays: 39, name: { nl: "Hemelvaartsdag", en: "Ascension Day" }, ruleId: "euKor.notification" },
  { id: "whitMonday", kind: "easter", offsetDays: 50, name: { nl: "Tweede pinksterdag", en: "Whit Monday" }, ruleId: "euKor.notification" },
  {
    id: "christmas",
    kind: "fixed",
    month: 12,
    day: 25,
    name: { nl: "Eerste kerstdag", en: "Christmas Day" },
    ruleId: "euKor.notification",
  },
  { id: "boxingDay", kind: "fixed", month: 12, day: 26, name: { nl: "Tweede kerstdag", en: "Boxing Day" }, ruleId: "euKor.notification" },
];

// ---------------------------------------------------------------------------------------
// The rule table

export type RuleSet = {
  /** First calendar year of this entry. */
  fromYear: number;
  korLimitCents: Cents;
  unionLimitCents: Cents;
  /** The EU-KOR exists from 2025 (Directive (EU) 2020/285). */
  euKorAvailable: boolean;
  /** Art. 59c threshold; null before it existed (2021). */
  distanceSalesThresholdCents: Cents | null;
  memberStateThresholds: Readonly<Record<string, MemberStateThreshold>>;
  /** Percentages of a limit at which an "approaching" warning is raised (docs/domain/ENGINE-CONTRACT.md). */
  approachingPercents: readonly number[];
  vatRatesPercent: { standard: number; reduced: number; zero: number };
  /** Apply by = period start − this many days (§3.4). */
  applyLeadDays: number;
  /** Whole calendar years excluded after the year of leaving (§3.4). */
  korExclusionFollowingYears: number;
  /** Whole calendar years blocked for the EU-KOR after a crossing (§4). */
  euKorBlockedFollowingYears: number;
  /** A business with only a fixed establishment in NL may use the KOR (not since 2025). */
  fixedEstablishmentOnlyAllowed: boolean;
  /** C: the directive's carve-out for ancillary exempt transactions is applied when the user marks one. */
  ancillaryExemptExcluded: boolean;
  euKorNotifyWorkingDays: number;
  euKorConfirmationMaxWorkingDays: number;
  euKorReportMonthsAfterQuarter: number;
  vatReturnMonthsAfterPeriod: number;
  /**
   * Mail reminders of the first VAT return after a crossing (§3.2): one this many days
   * before its due date, and one when it is late, on a day within `lateWithinDays` after
   * it (a crossing entered months later is not reminded as late: its own mail names the date).
   */
  firstVatReturnReminder: { daysBefore: number; lateWithinDays: number };
  confirmationWeeks: { min: number; max: number };
  holidays: readonly HolidayRule[];
  revision: {
    movableYears: number;
    immovableYears: number;
    /** No revision when the deductible share changes by at most this (10 percentage points). */
    maxIgnoredShareDifference: number;
    /** KOR de-minimis: no revision for a year below this amount (€500). */
    korMinimumYearlyCents: Cents;
  };
  projection: {
    /** No projected-crossing alert before this many days of the year have been seen. */
    minObservedDays: number;
    /** z-score of the low/high range: 1.2816 is a central 80% interval. */
    intervalZ: number;
    interval: number;
    /** Month-to-month coefficient of variation assumed with less than two months seen. */
    defaultMonthlyCv: number;
    /** Floor on the observed coefficient of variation, so a regular past is not taken as a promise. */
    minMonthlyCv: number;
    /** Days of overlap with last year needed before its seasonality is used. */
    seasonalMinWindowDays: number;
  };
};

/** Which catalogued rule each value of a RuleSet comes from, for "why?". */
export const RULE_SET_SOURCES: Partial<Record<keyof RuleSet, RuleId>> = {
  korLimitCents: "kor.limit",
  unionLimitCents: "union.limit",
  euKorAvailable: "euKor.eligibility",
  distanceSalesThresholdCents: "distanceSales.threshold",
  memberStateThresholds: "memberState.thresholds",
  approachingPercents: "kor.approaching",
  applyLeadDays: "kor.effectiveDate",
  korExclusionFollowingYears: "kor.exclusion",
  euKorBlockedFollowingYears: "euKor.followingYearBlocked",
  fixedEstablishmentOnlyAllowed: "kor.establishment",
  ancillaryExemptExcluded: "count.ancillary",
  euKorNotifyWorkingDays: "euKor.notification",
  euKorReportMonthsAfterQuarter: "euKor.quarterlyReport",
  vatReturnMonthsAfterPeriod: "vatReturn.due",
  firstVatReturnReminder: "kor.firstVatReturn",
  confirmationWeeks: "kor.confirmationTime",
  holidays: "euKor.notification",
  revision: "revision",
  projection: "projection",
};

const RULES_2020: RuleSet = {
  fromYear: 2020,
  korLimitCents: 2_000_000,
  // The EU-KOR starts in 2025, but 2024's Union total decides 2025's eligibility, so the limit is kept for earlier years.
  unionLimitCents: 10_000_000,
  euKorAvailable: false,
  distanceSalesThresholdCents: null,
  memberStateThresholds: MEMBER_STATE_DATA.states,
  approachingPercents: [80, 95],
  vatRatesPercent: { standard: 21, reduced: 9, zero: 0 },
  applyLeadDays: 29,
  korExclusionFollowingYears: 1,
  euKorBlockedFollowingYears: 1,
  fixedEstablishmentOnlyAllowed: true,
  ancillaryExemptExcluded: true,
  euKorNotifyWorkingDays: 15,
  euKorConfirmationMaxWorkingDays: 35,
  euKorReportMonthsAfterQuarter: 1,
  vatReturnMonthsAfterPeriod: 1,
  firstVatReturnReminder: { daysBefore: 14, lateWithinDays: 14 },
  confirmationWeeks: { min: 4, max: 8 },
  holidays: ALGEMENE_TERMIJNENWET_HOLIDAYS,
  revision: { movableYears: 5, immovableYears: 10, maxIgnoredShareDifference: 0.1, korMinimumYearlyCents: 50_000 },
  projection: {
    minObservedDays: 28,
    intervalZ: 1.2816,
    interval: 0.8,
    defaultMonthlyCv: 1,
    minMonthlyCv: 0.25,
    seasonalMinWindowDays: 28,
  },
};

const RULES_2021: RuleSet = { ...RULES_2020, fromYear: 2021, distanceSalesThresholdCents: 1_000_000 };

const RULES_2025: RuleSet = {
  ...RULES_2021,
  fromYear: 2025,
  euKorAvailable: true,
  fixedEstablishmentOnlyAllowed: false,
  memberStateThresholds: SEEDED_BY_YEAR["2025"]!,
};

// Member-state thresholds are versioned by year: the seeded rows of each year (the database's
// rows, as the engine's input `rules.memberStateThresholdsByYear`, take precedence).
const RULES_2026: RuleSet = { ...RULES_2025, fromYear: 2026, memberStateThresholds: SEEDED_BY_YEAR["2026"]! };

/** Ascending by fromYear. */
export const RULE_TABLE: readonly RuleSet[] = [RULES_2020, RULES_2021, RULES_2025, RULES_2026];

/**
 * The rule set for a calendar year: its own entry, or the latest earlier one. Years
 * before the first entry (2020, when the current KOR began) use the first entry — a
 * choice: the engine does not model the pre-2020 scheme.
 */
export function rulesFor(year: number): RuleSet {
  let chosen = RULE_TABLE[0]!;
  for (const entry of RULE_TABLE) {
    if (entry.fromYear <= year) chosen = entry;
    else break;
  }
  return chosen;
}

/**
 * A rule lookup with the input's overrides applied. `memberStateThresholdsByYear` (the
 * stored rows, year → state) replaces a year's member-state thresholds: a year without
 * rows uses the latest earlier year with rows, as the rule table does, and the rule
 * table's own values before the first. `memberStateThresholdsCents` then replaces a
 * state's threshold for the previous and the current year alike (its current-year ceiling
 * is dropped), which is how the Belastingdienst's illustrative example reads.
 */
export function makeRuleLookup(overrides?: RuleOverrides): (year: number) => RuleSet {
  const stateOverrides = overrides?.memberStateThresholdsCents;
  const byYear = overrides?.memberStateThresholdsByYear;
  const hasStateOverrides = !!stateOverrides && Object.keys(stateOverrides).length > 0;
  const storedYears = byYear
    ? Object.keys(byYear)
        .map(Number)
        .filter(Number.isInteger)
        .sort((a, b) => a - b)
    : [];
  if (!hasStateOverrides && storedYears.length === 0) return rulesFor;
  const cache = new Map<string, RuleSet>();
  return (year) => {
    const base = rulesFor(year);
    let storedYear: number | undefined;
    for (const candidate of storedYears) if (candidate <= year) storedYear = candidate;
    const key = `${base.fromYear}:${storedYear ?? ""}`;
    let merged = cache.get(key);
    if (!merged) {
      const states: Record<string, MemberStateThreshold> = {
        ...base.memberStateThresholds,
        ...(storedYear !== undefined ? byYear![String(storedYear)] : {}),
      };
      for (const [state, cents] of Object.entries(stateOverrides ?? {})) {
        states[state] = cents === null ? null : { thresholdCents: cents };
      }
      merged = { ...base, memberStateThresholds: states };
      cache.set(key, merged);
    }
    return merged;
  };
}

/** Every catalogued rule marked as interpretation, for the UI's "check with your adviser" list. */
export function interpretationRules(): { ruleId: RuleId; meta: RuleMeta }[] {
  return (Object.keys(RULE_CATALOG) as RuleId[])
    .filter((id) => RULE_CATALOG[id].interpretation)
    .map((id) => ({ ruleId: id, meta: RULE_CATALOG[id] }));
}

/** A rule in plain words for the UI ("KOR-omzetgrens: …"), never its section number. */
export function ruleInWords(ruleId: RuleId, language: "nl" | "en"): string {
  return RULE_CATALOG[ruleId].title[language];
}

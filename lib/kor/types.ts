// The rules engine's input and output types: docs/domain/ENGINE-CONTRACT.md, plus the extra output
// fields the app uses to explain itself (rule sections, bilingual messages, deadlines,
// projection). Everything here is plain data, safe to serialise as JSON.

import type { MemberStateThreshold } from "./member-state-thresholds";
import type { RuleId } from "./rules";

export type { RuleId } from "./rules";

/** "YYYY-MM-DD", a calendar date in Europe/Amsterdam. */
export type ISODate = string;
/** Integer euro cents. */
export type Cents = number;

export const CATEGORY_CODES = [
  "NL_STANDARD",
  "NL_REDUCED",
  "NL_ZERO",
  "NL_REVERSE_CHARGE",
  "EXPORT_NON_EU",
  "EU_B2B_GOODS",
  "EU_B2C_NL_VAT",
  "EU_B2C_FOREIGN_VAT",
  "EU_B2B_SERVICES",
  "EU_LOCAL",
  "NON_EU_SERVICES",
  "EXEMPT_REAL_ESTATE",
  "EXEMPT_FINANCIAL",
  "EXEMPT_INSURANCE",
  "EXEMPT_OTHER",
  "PRIVATE_USE",
  "ASSET_SALE",
] as const;

/** Transaction category of docs/domain/KOR-RULES.md §2. */
export type Category = (typeof CATEGORY_CODES)[number];

export type FilingPeriod = "quarter" | "month";

/** A KOR (kleineondernemersregeling, the Dutch small-business scheme) period; `to` is the last day inside. */
export type KorParticipation = { from: ISODate; to?: ISODate };

/** EU-KOR (the EU cross-border SME scheme) settings: the states where the exemption is used. */
export type EuKorSettings = { exNumber?: string; from?: ISODate; memberStates: string[] };

export type Business = {
  establishedIn: string;
  fixedEstablishmentOnly?: boolean;
  startedOn?: ISODate;
  filingPeriod?: FilingPeriod;
  korParticipations?: KorParticipation[];
  euKor?: EuKorSettings;
};

export type Transaction = {
  id: string;
  date: ISODate;
  netCents: Cents;
  vatCents?: Cents;
  category: Category;
  country?: string;
  ancillary?: boolean;
  sequence?: number;
};

export type RuleOverrides = {
  /** Replaces a state's threshold for both years of the test (and drops its current-year ceiling); null: no exemption there. */
  memberStateThresholdsCents?: Record<string, Cents | null>;
  /** The member-state thresholds per year (year → state → threshold; null: no exemption), as stored; a year without an entry uses the latest earlier one. */
  memberStateThresholdsByYear?: Record<string, Record<string, MemberStateThreshold>>;
};

export type RevisionQuery = {
  id: string;
  type: "revision";
  vatCents: Cents;
  firstUseYear: number;
  kind: "movable" | "immovable";
  event: "join" | "leave";
  eventYear: number;
  deductibleBefore: number;
  deductibleAfter: number;
};

export type Query =
  | { id: string; type: "applyBy"; start: ISODate }
  | { id: string; type: "korEffectiveDate"; receivedOn: ISODate }
  | { id: string; type: "earliestRejoin"; leftOn: ISODate }
  | { id: string; type: "euKorNotifyBy"; crossedOn: ISODate }
  | { id: string; type: "euKorReportDue"; quarter: string }
  | { id: string; type: "vatReturnDue"; quarter: string }
  | RevisionQuery;

export type QueryType = Query["type"];

export type EngineInput = {
  asOf: ISODate;
  business: Business;
  transactions: Transaction[];
  rules?: RuleOverrides;
  queries?: Query[];
};

export type EvaluateOptions = {
  /** Adds `explanations`: per year and total, which transactions counted and which did not. Off by default for speed. */
  explain?: boolean;
};

// ---------------------------------------------------------------------------------------
// Output

export type Bilingual = { nl: string; en: string };

/** Where a figure comes from: the rule's id in the rule table and its docs/domain/KOR-RULES.md section. */
export type RuleRef = {
  ruleId: RuleId;
  /** Section of docs/domain/KOR-RULES.md, e.g. "§3.2". */
  rule: string;
  /** True for confidence-C rules: the UI shows "interpretation — check with your adviser". */
  interpretation: boolean;
};

export type YearTotals = {
  korTurnoverCents: Cents;
  unionTurnoverCents: Cents;
  /** States with a non-zero total only. */
  memberStateTurnoverCents: Record<string, Cents>;
  /** B2C distance sales to other EU states (art. 59c), EU_B2C_NL_VAT + EU_B2C_FOREIGN_VAT. */
  distanceSalesCents: Cents;
  transactionCount: number;
  limits: { korCents: Cents; unionCents: Cents; distanceSalesCents: Cents | null };
};

export type KorCrossing = RuleRef & {
  year: number;
  date: ISODate;
  transactionId: string;
  whileParticipating: boolean;
  runningTotalBeforeCents: Cents;
  runningTotalAfterCents: Cents;
  /** Unsequenced transactions on the crossing day whose order decides which one crosses (§2). */
  atRisk: string[];
};

export type EuKorCrossing = RuleRef & {
  year: number;
  date: ISODate;
  transactionId: string;
  runningTotalBeforeCents: Cents;
  runningTotalAfterCents: Cents;
  atRisk: string[];
  /** Inform the Belastingdienst by this date (15 working days, §4). */
  notifyBy: ISODate;
  /** Supplies per member state from the start of the crossing quarter up to and including the crossing (§4). */
  suppliesSinceQuarterStartCents: Record<string, Cents>;
};

export type MemberStateCrossing = RuleRef & {
  year: number;
  state: string;
  date: ISODate;
  transactionId: string;
  limitCents: Cents;
};

export type EligibilityCheck = RuleRef & { passed: boolean; messages: Bilingual };

export type EligibilityDetail = { eligible: boolean; checks: EligibilityCheck[] };

export type RemediationLine = {
  transactionId: string;
  date: ISODate;
  netCents: Cents;
  ratePercent: number;
  reinvoiceVatCents: Cents;
  absorbedVatCents: Cents;
};

export type Remediation = RuleRef & {
  transactionIds: string[];
  reinvoiceVatCents: Cents;
  absorbedVatCents: Cents;
  lines: RemediationLine[];
};

export type AlertLevel = "info" | "warning" | "critical";

export type AlertCode =
  | "KOR_THRESHOLD_APPROACHING"
  | "KOR_THRESHOLD_CROSSED"
  | "KOR_VAT_ON_INVOICE"
  | "KOR_PROJECTED_CROSSING"
  | "KOR_PARTICIPATION_IN_EXCLUSION"
  | "EU_KOR_THRESHOLD_APPROACHING"
  | "EU_KOR_THRESHOLD_CROSSED"
  | "EU_KOR_PROJECTED_CROSSING"
  | "EU_KOR_MEMBER_STATE_THRESHOLD_CROSSED"
  | "EU_DISTANCE_SALES_THRESHOLD_CROSSED"
  | "EU_DISTANCE_SALES_PREVIOUS_YEAR_EXCEEDED";

export type Alert = RuleRef & {
  code: AlertCode;
  level: AlertLevel;
  date: ISODate;
  year: number;
  /** Percent of the limit this alert is about (80, 95, 100), for the notification outbox key. */
  threshold?: number;
  transactionId?: string;
  /** Further transactions concerned (at-risk same-day invoices, misclassified distance sales). */
  transactionIds?: string[];
  /** Member state concerned, for member-state alerts. */
  state?: string;
  /** The contract's `message`: the Dutch text (the product's first language). */
  message: string;
  messages: Bilingual;
  /** Stable de-duplication key: code:year:threshold (and state or transaction where relevant). */
  key: string;
};

export type DeadlineKind =
  | "KOR_APPLY_BY"
  | "KOR_DEREGISTRATION_EFFECTIVE"
  | "KOR_EARLIEST_REJOIN"
  | "VAT_RETURN_DUE"
  | "EU_KOR_NOTIFY_BY"
  | "EU_KOR_REPORT_DUE";

export type Deadline = RuleRef & {
  kind: DeadlineKind;
  date: ISODate;
  /** The period or event the deadline belongs to (a period start, a quarter "2026-Q3", a crossing date). */
  about?: string;
  transactionId?: string;
  /**
   * A date that applies only if the owner chooses so (the effective date of a voluntary
   * deregistration sent today): an option to show, not a deadline to meet.
   */
  choice?: true;
  messages: Bilingual;
};

export type ProjectionBasis = "pace" | "seasonal" | "none";

export type MeasureProjection = RuleRef & {
  measure: "kor" | "union";
  limitCents: Cents;
  basis: ProjectionBasis;
  observedFrom: ISODate | null;
  observedDays: number;
  /** Counted turnover dated up to and including asOf. */
  toDateCents: Cents;
  expectedTotalCents: Cents;
  lowTotalCents: Cents;
  highTotalCents: Cents;
  /** Share of the low–high range: 0.8 means the 10th to the 90th percentile. */
  interval: number;
  /** The real crossing when it already happened, else the projected one; null when not expected this year. */
  expectedCrossingDate: ISODate | null;
  earliestCrossingDate: ISODate | null;
  latestCrossingDate: ISODate | null;
  alreadyCrossed: boolean;
  /** False while too little of the year has been seen to warn on (rule table: minObservedDays). */
  sufficientData: boolean;
};

export type Projection = { year: number; kor: MeasureProjection; union: MeasureProjection };

export type ExplainedTransaction = RuleRef & {
  transactionId: string;
  date: ISODate;
  category: Category;
  netCents: Cents;
  counted: boolean;
  reason: Bilingual;
  /** Running total after this transaction (counted transactions only). */
  runningTotalCents?: Cents;
};

export type ExplainedTotal = RuleRef & {
  totalCents: Cents;
  counted: ExplainedTransaction[];
  notCounted: ExplainedTransaction[];
};

export type YearExplanation = {
  kor: ExplainedTotal;
  union: ExplainedTotal;
  memberStates: Record<string, ExplainedTotal>;
};

export type Explanations = { years: Record<string, YearExplanation> };

export type QueryAnswer = ISODate | Cents[] | null;

export type EngineOutput = {
  asOf: ISODate;
  /** Every calendar year with a transaction. */
  years: Record<string, YearTotals>;
  kor: {
    crossings: KorCrossing[];
    /** The asOf year and the year after. */
    eligibility: Record<string, boolean>;
    eligibilityDetails: Record<string, EligibilityDetail>;
    /** Null when the business never left the KOR (or has rejoined since). */
    earliestRejoin: ISODate | null;
    /** Excluded from the KOR on and between these dates (§3.4); null when never left. */
    exclusion: { from: ISODate; to: ISODate } | null;
    /** Whether the business is inside the KOR on asOf (a crossing ends participation). */
    participatingOnAsOf: boolean;
    remediation: Remediation | null;
  };
  euKor: {
    crossings: EuKorCrossing[];
    /** year -> member state -> may use the EU-KOR there. */
    eligibility: Record<string, Record<string, boolean>>;
    eligibilityDetails: Record<string, Record<string, EligibilityDetail>>;
    memberStateCrossings: MemberStateCrossing[];
  };
  alerts: Alert[];
  deadlines: Deadline[];
  projection: Projection;
  answers: Record<string, QueryAnswer>;
  explanations?: Explanations;
};

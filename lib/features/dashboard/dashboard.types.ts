// The dashboard's data: one business, one year, shaped from one engine evaluation. Plain
// serialisable data, so server components can hand parts of it to the client charts.
import type { AlertCode, AlertLevel, Bilingual, Category, DeadlineKind, ISODate, ProjectionBasis, RuleId } from "@/lib/kor";

/** What the user knows an invoice by: its number and customer (the engine only knows ids). */
export type InvoiceRef = { id: string; number: string; customerName: string };

export type RuleInfo = { ruleId: RuleId; rule: string; interpretation: boolean };

export type KorStatus = "safe" | "approaching" | "crossed" | "notInKor";

export type Progress = {
  countedCents: number;
  limitCents: number;
  /** Counted turnover as a percentage of the limit, one decimal. */
  percent: number;
  /** The warning marks of the rule table (80% and 95%), with their amounts. */
  marks: { percent: number; cents: number }[];
  /** Room left under the limit; 0 once crossed. */
  roomLeftCents: number;
  status: KorStatus;
  /** Taking part in the KOR at some time in the year. */
  participatingInYear: boolean;
  participatingOnAsOf: boolean;
};

export type CrossingInfo = RuleInfo & {
  date: ISODate;
  invoice: InvoiceRef;
  whileParticipating: boolean;
  runningTotalBeforeCents: number;
  runningTotalAfterCents: number;
  atRisk: InvoiceRef[];
};

/** One x position of the cumulative chart: day of the year, 1-based. */
export type CumulativePoint = {
  day: number;
  date: ISODate;
  actual?: number;
  previous?: number;
  projected?: number;
  band?: [number, number];
};

export type CumulativeSeries = {
  points: CumulativePoint[];
  limitCents: number;
  daysInYear: number;
  /** The projection to 31 December, when the year is still running and the engine has a basis. */
  projection:
    | (RuleInfo & {
        basis: ProjectionBasis;
        fromDate: ISODate;
        toDateCents: number;
        expectedTotalCents: number;
        lowTotalCents: number;
        highTotalCents: number;
        interval: number;
        expectedCrossingDate: ISODate | null;
        earliestCrossingDate: ISODate | null;
        latestCrossingDate: ISODate | null;
        sufficientData: boolean;
      })
    | null;
  previousYear: number;
  previousYearTotalCents: number | null;
  crossing: { day: number; cents: number; invoiceNumber: string; date: ISODate } | null;
};

export type CategoryGroup = "domestic" | "eu" | "outsideEu" | "exempt" | "other";

export type MonthBar = {
  /** 1–12. */
  month: number;
  countedCents: number;
  notCountedCents: number;
  /** Keyed "counted.<group>" and "notCounted.<group>". */
  groups: Partial<Record<`${"counted" | "notCounted"}.${CategoryGroup}`, number>>;
  categories: { category: Category; counted: boolean; cents: number }[];
};

export type MemberStateRow = {
  state: string;
  turnoverCents: number;
  /** That state's domestic threshold; null when the state offers no exemption. */
  thresholdCents: number | null;
  /** Turnover as a percentage of the threshold; null without a threshold. */
  percent: number | null;
  usesEuKor: boolean;
  crossedOn: ISODate | null;
};

export type EuSection = {
  unionCents: number;
  unionLimitCents: number;
  unionPercent: number;
  distanceSalesCents: number;
  distanceSalesLimitCents: number | null;
  euKorEnabled: boolean;
  crossing: (RuleInfo & { date: ISODate; invoice: InvoiceRef; notifyBy: ISODate }) | null;
  memberStates: MemberStateRow[];
};

export type ActionKind =
  | "leaveNow"
  | "vatOnInvoice"
  | "watchLimit"
  | "projectedCrossing"
  | "exclusionConflict"
  | "euNotify"
  | "euWatch"
  | "euMemberState"
  | "distanceSales"
  | "applyBy"
  | "euReport"
  | "vatReturn"
  | "leftKor";

export type ActionItem = RuleInfo & {
  key: string;
  kind: ActionKind;
  level: AlertLevel;
  alertCode: AlertCode | null;
  /** The action's deadline, when it has one. */
  deadline: ISODate | null;
  /** Days past the deadline while it is not done; null when not late. */
  daysLate: number | null;
  /** The stable key of a deadline the owner marks done (lib/features/deadlines/deadline-key.ts); null otherwise. */
  deadlineKey: string | null;
  /** The day the deadline was marked done; null while it is not. */
  doneOn: ISODate | null;
  /** Values for the action's message. */
  params: {
    date?: ISODate;
    invoice?: string;
    amountCents?: number;
    percent?: number;
    state?: string;
    start?: ISODate;
    days?: number;
    sentOn?: ISODate;
    period?: string;
  };
  /** The engine's own text, with invoice ids replaced by invoice numbers. */
  detail: Bilingual | null;
};

export type DeadlineItem = RuleInfo & {
  kind: DeadlineKind;
  date: ISODate;
  about: string | null;
  past: boolean;
  /** Applies only if the owner chooses so (leaving voluntarily): an option, not a deadline. */
  choice: boolean;
  /** Days past a date by which the owner had to do something, while not done; null otherwise. */
  daysLate: number | null;
  /** The stable key of a deadline the owner marks done; null for the others. */
  key: string | null;
  /** The day it was marked done; null while it is not. */
  doneOn: ISODate | null;
  messages: Bilingual;
};

/**
 * The KOR participation in the year (§3.2, §3.4): ended by the crossing on its date, with
 * the deregistration the owner ticks off once sent, and when the business may be back.
 */
export type ParticipationInfo = {
  status: "endedByCrossing" | "excluded";
  endedOn: ISODate;
  crossingInvoice: InvoiceRef | null;
  earliestRejoin: ISODate | null;
  /** The last day of the exclusion window (the rest of the year of leaving and the next). */
  excludedUntil: ISODate | null;
  /** Ended by a crossing: the deregistration with the crossing date as end date. */
  deregistration: { endDate: ISODate; sentOn: ISODate | null; daysLate: number | null } | null;
};

/** A deregistration the owner ticked off: the end date it named and the day it was sent. */
export type DeregistrationRecord = { endDate: ISODate; sentOn: ISODate };

export type RemediationInfo = RuleInfo & {
  /** The crossing while in the KOR from which VAT is due: this year's, or an earlier year's. */
  crossing: { year: number; date: ISODate; invoice: InvoiceRef };
  /** Totals over every line, also those not listed. */
  reinvoiceVatCents: number;
  absorbedVatCents: number;
  netCents: number;
  lineCount: number;
  /** The first LISTED_INVOICES lines in date order; all of them are in the remediation CSV. */
  lines: {
    invoice: InvoiceRef;
    date: ISODate;
    netCents: number;
    ratePercent: number;
    reinvoiceVatCents: number;
    absorbedVatCents: number;
  }[];
};

export type ExplainedRow = RuleInfo & {
  invoice: InvoiceRef;
  date: ISODate;
  category: Category;
  netCents: number;
  counted: boolean;
  reason: Bilingual;
  runningTotalCents: number | null;
};

/** Invoices of one category with the same reason and rule: the "why?" in one line. */
export type ExplainedGroup = RuleInfo & { category: Category; reason: Bilingual; count: number; netCents: number };

/** The counted (or not counted) side of a figure: every invoice summed and grouped, the latest listed. */
export type ExplainedList = {
  count: number;
  netCents: number;
  groups: ExplainedGroup[];
  /** The latest LISTED_INVOICES invoices in date order (all of them when there are no more). */
  rows: ExplainedRow[];
};

export type ExplainedFigure = RuleInfo & { totalCents: number; counted: ExplainedList; notCounted: ExplainedList };

/** Counted sales at one Dutch VAT rate (0 for zero-rated and reverse-charged sales). */
export type SalesAtRate = { ratePercent: number; netCents: number };

export type DashboardData = {
  businessId: string;
  year: number;
  asOf: ISODate;
  /** The asOf year is this year: the year is still running. */
  isCurrentYear: boolean;
  years: number[];
  /** The business has no invoices in any year. */
  empty: boolean;
  progress: Progress;
  crossing: CrossingInfo | null;
  cumulative: CumulativeSeries;
  monthly: MonthBar[];
  eu: EuSection | null;
  actions: ActionItem[];
  remediation: RemediationInfo | null;
  deadlines: DeadlineItem[];
  earliestRejoin: ISODate | null;
  /** Set once the business has left the KOR (by this year's crossing, or excluded after an earlier leaving). */
  participation: ParticipationInfo | null;
  /** Stored KOR periods (by their start) that a crossing ended, in any year: the period ends on the crossing date (§3.2). */
  periodEndings: { periodFrom: ISODate; endedOn: ISODate }[];
  why: { kor: ExplainedFigure; union: ExplainedFigure };
  /** Figures the "should I be in the KOR?" comparison starts from. */
  comparison: {
    countedCents: number;
    salesByRate: SalesAtRate[];
    korAvailable: boolean;
    /** The year's VAT on registered purchases (voorbelasting, reverse-charged VAT included): deductible only outside the KOR. */
    inputVatCents: number;
    purchaseCount: number;
    /** The comparison as last saved for this year. */
    saved: SavedKorComparison | null;
  };
};

export type SavedKorComparison = {
  inputVatCents: number;
  /** Percent, 0–100. */
  businessCustomerShare: number;
  outsideMinusInsideCents: number;
  verdict: "inside" | "outside" | "even";
  vatFromConsumerPricesCents: number;
  vatPassedOnCents: number;
  savedAt: string;
};

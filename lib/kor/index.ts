// The public API of the KOR / EU-KOR rules engine: what the web app, the alert job, the
// accountant view and the command line import. Everything is pure. Code outside lib/kor
// imports the engine from here only (Biome's noRestrictedImports in biome.json fails on a
// deep import; scripts/kor-public-imports.mjs rewrites them).

export { evaluate } from "./evaluate";
export { parseEngineInput, parseEngineInputJson, engineInputSchema, formatIssues, formatPath } from "./schema";
export type { InputIssue, ParseResult } from "./schema";
export {
  CATEGORIES,
  CATEGORY_LIST,
  categoryVatRatePercent,
  classifyTransaction,
  isCategory,
} from "./categories";
export type { CategoryInfo, Classification, VatRateKind } from "./categories";
export {
  RULE_CATALOG,
  RULE_TABLE,
  EU_MEMBER_STATES,
  interpretationRules,
  isEuMemberState,
  makeRuleLookup,
  ruleInWords,
  ruleRef,
  rulesFor,
} from "./rules";
export type { Confidence, HolidayRule, MemberStateThreshold, RuleId, RuleMeta, RuleSet } from "./rules";
export {
  applyByDate,
  earliestRejoinDate,
  euKorConfirmationLatestDate,
  euKorNotifyByDate,
  euKorReportDueDate,
  exclusionEndDate,
  korEffectiveDate,
  upcomingApplyBy,
  vatReturnDueDate,
  vatReturnDueForPeriodOf,
} from "./deadlines";
export {
  addDays,
  addWorkingDays,
  daysInMonth,
  firstDayOfQuarter,
  holidaysOf,
  isIsoDate,
  isWorkingDay,
  lastDayOfMonthAfter,
  monthOf,
  parseQuarterLabel,
  periodInWords,
  quarterOfMonth,
  toDayNumber,
  weekdayOf,
  yearOf,
} from "./dates";
export type { Holiday } from "./dates";
export { revisionAmounts, revisionSchedule } from "./revision";
export type { RevisionParams, RevisionYear } from "./revision";
export { answerQuery } from "./queries";
export { projectYear } from "./projection";
export { formatEuro, formatPercent, percentOfLimit, roundHalfAwayFromZero, vatContained, vatOnTop } from "./money";
export {
  convertToEuroCents,
  ecbRateDateFor,
  isEcbRate,
  normalizeRate,
  seedRows,
  thresholdsByYear,
  unavailableRow,
} from "./member-state-thresholds";
export type { ThresholdRow } from "./member-state-thresholds";
export { matchExpectation } from "./vector-match";
export type { Mismatch } from "./vector-match";
export * from "./types";
export { adviseVat, dateInWords, euroInWords } from "./vat-advice";
export type { VatAdvice, VatAdviceStatus, VatCandidate } from "./vat-advice";
export { korParticipationIn } from "./participation-status";
export type { KorParticipationState, KorParticipationStatus } from "./participation-status";

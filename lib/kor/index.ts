// The public API of the KOR / EU-KOR rules engine: what the web app, the alert job, the
// accountant view and the command line import. Everything is pure.

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
  korEffectiveDate,
  upcomingApplyBy,
  vatReturnDueDate,
  vatReturnDueForPeriodOf,
} from "./deadlines";
export { addWorkingDays, holidaysOf, isIsoDate, isWorkingDay } from "./dates";
export type { Holiday } from "./dates";
export { revisionAmounts, revisionSchedule } from "./revision";
export type { RevisionParams, RevisionYear } from "./revision";
export { answerQuery } from "./queries";
export { projectYear } from "./projection";
export { formatEuro, vatContained, vatOnTop } from "./money";
export { matchExpectation } from "./vector-match";
export type { Mismatch } from "./vector-match";
export * from "./types";
export { adviseVat, dateInWords, euroInWords } from "./vat-advice";
export type { VatAdvice, VatAdviceStatus, VatCandidate } from "./vat-advice";
export { korParticipationIn } from "./participation-status";
export type { KorParticipationState, KorParticipationStatus } from "./participation-status";

// The EU-KOR quarterly report's figures (docs/domain/KOR-RULES.md §4): per quarter of a year, the total
// value of the supplies per member state — every state, NL too, 0 where there were none —
// in euro, with the report's due date. Taken from the engine's own explanation of the
// year's Union turnover (the supplies that count, each with its member state), so the
// report and the Union total cannot disagree. Pure: no I/O, no clock.
import {
  CATEGORIES,
  euKorReportDueDate,
  EU_MEMBER_STATES,
  ruleRef,
  type EngineInput,
  type EngineOutput,
  type ISODate,
  type RuleRef,
} from "@/lib/kor";
import { buildCrossingNotices, type CrossingNotice } from "./build-crossing-notice";

/**
 * One line of the report: a member state's supplies in the quarter. Its rule is the
 * report's (§4); `countedBy` names the rules that made each of its supplies count for
 * that state (§2's table, e.g. the C-rule for services to EU businesses).
 */
export type QuarterlyReportLine = RuleRef & { state: string; netCents: number; supplies: number; countedBy: RuleRef[] };

export type QuarterlyReport = {
  /** "2026-Q1". */
  quarter: string;
  dueDate: ISODate | null;
  /** Every member state, NL first, then by code. */
  lines: QuarterlyReportLine[];
  totalCents: number;
  /** Counted supplies in the quarter. */
  supplies: number;
  /** The day the report was marked filed (lib/features/deadlines); null while it is not. */
  filedOn: ISODate | null;
};

export type QuarterlyReports = RuleRef & { year: number; quarters: QuarterlyReport[]; unionRule: RuleRef; notices: CrossingNotice[] };

export const STATE_ORDER = ["NL", ...EU_MEMBER_STATES.filter((state) => state !== "NL")];

/**
 * The year's reports. The notice after crossing €100,000 is an EU-KOR user's duty (§4): it
 * is listed only when the business uses the EU-KOR (`input.business.euKor`).
 */
export function buildQuarterlyReports(options: {
  year: number;
  input: Pick<EngineInput, "transactions"> & { business?: Pick<EngineInput["business"], "euKor"> };
  output: Pick<EngineOutput, "explanations" | "euKor">;
}): QuarterlyReports {
  const { year } = options;
  const reportRule = ruleRef("euKor.quarterlyReport");
  const union = options.output.explanations?.years[String(year)]?.union;
  const countryOf = new Map(options.input.transactions.map((tx) => [tx.id, tx.country]));
  const quarters: QuarterlyReport[] = [1, 2, 3, 4].map((q) => ({
    quarter: `${year}-Q${q}`,
    dueDate: euKorReportDueDate(`${year}-Q${q}`),
    lines: STATE_ORDER.map((state) => ({ ...reportRule, state, netCents: 0, supplies: 0, countedBy: [] })),
    totalCents: 0,
    supplies: 0,
    filedOn: null,
  }));
  for (const line of union?.counted ?? []) {
    const kind = CATEGORIES[line.category].memberState;
    const state = kind === "NL" ? "NL" : kind === "country" ? countryOf.get(line.transactionId) : undefined;
    if (!state) continue;
    const quarter = quarters[Math.floor((Number(line.date.slice(5, 7)) - 1) / 3)]!;
    const target = quarter.lines.find((l) => l.state === state);
    if (!target) continue;
    target.netCents += line.netCents;
    target.supplies += 1;
    if (!target.countedBy.some((rule) => rule.ruleId === line.ruleId))
      target.countedBy.push({ ruleId: line.ruleId, rule: line.rule, interpretation: line.interpretation });
    quarter.totalCents += line.netCents;
    quarter.supplies += 1;
  }
  const notices = options.input.business?.euKor ? buildCrossingNotices({ year, output: options.output }) : [];
  return {
    ...reportRule,
    year,
    quarters,
    unionRule: union ? { ruleId: union.ruleId, rule: union.rule, interpretation: union.interpretation } : reportRule,
    notices,
  };
}

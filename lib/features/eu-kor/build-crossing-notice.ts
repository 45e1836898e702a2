// The notice after crossing the EU-KOR's €100,000 (KOR-RULES.md §4): "Inform the
// Belastingdienst within 15 working days (Monday–Friday, skipping the general holidays of
// the Algemene Termijnenwet; day 1 is the first working day after the crossing), reporting
// the supplies from the start of the quarter up to the crossing." The engine computes the
// date and the supplies (EngineOutput.euKor.crossings); this shapes them as the notice's
// lines, every member state in the report's order, with the working days counted and the
// holidays skipped on the way. Pure: no I/O, no clock.
import {
  firstDayOfQuarter,
  holidaysOf,
  isWorkingDay,
  monthOf,
  quarterOfMonth,
  toDayNumber,
  weekdayOf,
  yearOf,
  EU_MEMBER_STATES,
  ruleRef,
  type Bilingual,
  type EngineOutput,
  type ISODate,
  type RuleRef,
} from "@/lib/kor";

export type CrossingNoticeLine = { state: string; netCents: number };

export type CrossingNotice = RuleRef & {
  /** The date of the supply that took the Union turnover over €100,000. */
  crossedOn: ISODate;
  transactionId: string;
  /** The Union turnover after that supply. */
  unionTotalCents: number;
  /** Inform the Belastingdienst by this date. */
  notifyBy: ISODate;
  /** The working days from the crossing to notifyBy (15 under the rule table). */
  workingDays: number;
  /** General holidays on a weekday between the crossing and notifyBy, which did not count. */
  holidaysSkipped: { date: ISODate; id: string; name: Bilingual }[];
  /** The first day of the crossing's quarter: the notice reports from here up to and including the crossing. */
  periodFrom: ISODate;
  /** Every member state, NL first, 0 where none. */
  lines: CrossingNoticeLine[];
  totalCents: number;
  /** The crossing's own rule (the exemption abroad ends from that supply). */
  crossingRule: RuleRef;
};

const STATES = ["NL", ...EU_MEMBER_STATES.filter((state) => state !== "NL")];

/** The notices of the Union-limit crossings in `year`. */
export function buildCrossingNotices(options: { year: number; output: Pick<EngineOutput, "euKor"> }): CrossingNotice[] {
  return options.output.euKor.crossings
    .filter((crossing) => crossing.year === options.year)
    .map((crossing) => {
      const lines = STATES.map((state) => ({ state, netCents: crossing.suppliesSinceQuarterStartCents[state] ?? 0 }));
      const from = toDayNumber(crossing.date);
      const to = toDayNumber(crossing.notifyBy);
      const years = new Set([yearOf(crossing.date), yearOf(crossing.notifyBy)]);
      const holidaysSkipped = [...years]
        .flatMap((y) => holidaysOf(y))
        .filter((holiday) => {
          const day = toDayNumber(holiday.date);
          const weekday = weekdayOf(day);
          return day > from && day <= to && weekday !== 0 && weekday !== 6;
        })
        .map((holiday) => ({ date: holiday.date, id: holiday.id, name: holiday.rule.name }));
      let workingDays = 0;
      for (let day = from + 1; day <= to; day += 1) if (isWorkingDay(day)) workingDays += 1;
      return {
        ...ruleRef("euKor.notification"),
        crossedOn: crossing.date,
        transactionId: crossing.transactionId,
        unionTotalCents: crossing.runningTotalAfterCents,
        notifyBy: crossing.notifyBy,
        workingDays,
        holidaysSkipped,
        periodFrom: firstDayOfQuarter(yearOf(crossing.date), quarterOfMonth(monthOf(crossing.date))),
        lines,
        totalCents: lines.reduce((sum, line) => sum + line.netCents, 0),
        crossingRule: { ruleId: crossing.ruleId, rule: crossing.rule, interpretation: crossing.interpretation },
      };
    });
}

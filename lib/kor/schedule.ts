// The deadlines a business sees (docs/domain/KOR-RULES.md §5), worked out from its own facts: KOR
// apply-by dates for the next period starts, when a deregistration sent today (or one
// already scheduled) takes effect, the earliest rejoin, the first VAT return after a
// crossing, the EU-KOR notification after a crossing and the EU-KOR quarterly reports.
// Herziening amounts need asset data the engine does not hold; they come from queries.

import { applyByDate, dayAfter, euKorReportDueDate, korEffectiveDate, upcomingApplyBy, vatReturnDueForPeriodOf } from "./deadlines";
import { dateInWords, firstDayOfQuarter, monthOf, periodInWords, quarterLabelOf, quarterOfMonth, yearOf } from "./dates";
import type { Ledger } from "./ledger";
import { withRule, type RuleId, type RuleSet } from "./rules";
import type { Business, Deadline, DeadlineKind, EuKorCrossing, ISODate, KorCrossing, RuleRef } from "./types";

function deadline(
  kind: DeadlineKind,
  date: ISODate,
  ruleId: RuleId,
  nl: string,
  en: string,
  extra: { about?: string; transactionId?: string } = {},
): Deadline {
  const d = withRule(ruleId, { kind, date } as Omit<Deadline, keyof RuleRef | "messages">);
  if (extra.about !== undefined) d.about = extra.about;
  if (extra.transactionId !== undefined) d.transactionId = extra.transactionId;
  return Object.assign(d, { messages: { nl, en } });
}

export type ScheduleContext = {
  business: Business;
  asOf: ISODate;
  ledger: Ledger;
  rulesOf: (year: number) => RuleSet;
  participatingOnAsOf: boolean;
  korEligibility: Record<string, boolean>;
  earliestRejoin: ISODate | null;
  korCrossings: readonly KorCrossing[];
  euKorCrossings: readonly EuKorCrossing[];
};

const APPLY_BY_PERIODS_SHOWN = 4;

const nlDate = (date: ISODate) => dateInWords(date, "nl");
const enDate = (date: ISODate) => dateInWords(date, "en");
const nlPeriod = (label: string) => periodInWords(label, "nl");
const enPeriod = (label: string) => periodInWords(label, "en");

export function buildDeadlines(ctx: ScheduleContext): Deadline[] {
  const { business, asOf } = ctx;
  const filing = business.filingPeriod ?? "quarter";
  const asOfYear = yearOf(asOf);
  const out: Deadline[] = [];
  const confirmation = ctx.rulesOf(asOfYear).confirmationWeeks;

  const upcomingPeriod = ctx.ledger.periods.find((p) => p.from > asOf);
  if (!ctx.participatingOnAsOf && !upcomingPeriod) {
    for (const { start, applyBy } of upcomingApplyBy(asOf, filing, APPLY_BY_PERIODS_SHOWN)) {
      if (ctx.korEligibility[String(yearOf(start))] !== true) continue;
      out.push(
        deadline(
          "KOR_APPLY_BY",
          applyBy,
          "kor.effectiveDate",
          `Wil je de KOR vanaf ${nlDate(start)}? Zorg dat de Belastingdienst je aanvraag uiterlijk ${nlDate(applyBy)} heeft (veilige datum). Bevestiging duurt meestal ${confirmation.min}–${confirmation.max} weken; blijf tot de ingangsdatum aangifte doen.`,
          `Want the KOR from ${enDate(start)}? Make sure the Belastingdienst has your application by ${enDate(applyBy)} (the safe date). Confirmation usually takes ${confirmation.min}–${confirmation.max} weeks; keep filing returns until the start date.`,
          { about: start },
        ),
      );
    }
  }

  if (ctx.participatingOnAsOf) {
    const current = ctx.ledger.periods.find((p) => p.from <= asOf && (p.to === null || p.to >= asOf));
    if (current && current.to !== null) {
      const leaving = dayAfter(current.to);
      out.push(
        deadline(
          "KOR_DEREGISTRATION_EFFECTIVE",
          leaving,
          "kor.effectiveDate",
          `Je afmelding voor de KOR gaat in op ${nlDate(leaving)}; vanaf dan reken je btw.`,
          `Your KOR deregistration takes effect on ${enDate(leaving)}; charge VAT from then on.`,
          { about: "scheduled" },
        ),
      );
    } else {
      const effective = korEffectiveDate(asOf, filing);
      out.push(
        deadline(
          "KOR_DEREGISTRATION_EFFECTIVE",
          effective,
          "kor.effectiveDate",
          `Meld je je vandaag af voor de KOR, dan gaat dat in op ${nlDate(effective)} (aanvraag uiterlijk ${nlDate(applyByDate(effective))} binnen).`,
          `If you leave the KOR today, it takes effect on ${enDate(effective)} (request received by ${enDate(applyByDate(effective))}).`,
          { about: "requestToday" },
        ),
      );
      // Only if the owner decides to leave: an option, not a deadline (issue #16).
      out[out.length - 1]!.choice = true;
    }
  }

  if (ctx.earliestRejoin !== null) {
    out.push(
      deadline(
        "KOR_EARLIEST_REJOIN",
        ctx.earliestRejoin,
        "kor.exclusion",
        `Na het verlaten van de KOR kun je op zijn vroegst op ${nlDate(ctx.earliestRejoin)} weer meedoen, als je omzet dan aan de voorwaarden voldoet.`,
        `After leaving the KOR, the earliest you can rejoin is ${enDate(ctx.earliestRejoin)}, if your turnover then meets the conditions.`,
      ),
    );
  }

  for (const c of ctx.korCrossings) {
    if (!c.whileParticipating) continue;
    const due = vatReturnDueForPeriodOf(c.date, filing);
    // A past due date stays through the next year: a late return is still to be filed.
    if (due < asOf && c.year < asOfYear - 1) continue;
    const period = filing === "month" ? c.date.slice(0, 7) : quarterLabelOf(c.date);
    out.push(
      deadline(
        "VAT_RETURN_DUE",
        due,
        "kor.firstVatReturn",
        `Eerste btw-aangifte na de overschrijding: tijdvak ${nlPeriod(period)}, uiterlijk ${nlDate(due)}.`,
        `First VAT return after the crossing: period ${enPeriod(period)}, due by ${enDate(due)}.`,
        { about: period, transactionId: c.transactionId },
      ),
    );
  }

  const euKorUsed = business.euKor !== undefined;
  if (euKorUsed) {
    for (const c of ctx.euKorCrossings) {
      if (c.notifyBy < asOf && c.year !== asOfYear) continue;
      out.push(
        deadline(
          "EU_KOR_NOTIFY_BY",
          c.notifyBy,
          "euKor.notification",
          `Meld de overschrijding van de EU-omzetgrens (${nlDate(c.date)}) uiterlijk ${nlDate(c.notifyBy)} aan de Belastingdienst, met je leveringen sinds het begin van het kwartaal.`,
          `Inform the Belastingdienst of the Union-limit crossing (${enDate(c.date)}) by ${enDate(c.notifyBy)}, with your supplies since the start of the quarter.`,
          { about: c.date, transactionId: c.transactionId },
        ),
      );
    }
    if (ctx.rulesOf(asOfYear).euKorAvailable) {
      const quarter = quarterOfMonth(monthOf(asOf));
      const previousQuarter = quarter === 1 ? `${asOfYear - 1}-Q4` : `${asOfYear}-Q${quarter - 1}`;
      const currentQuarter = quarterLabelOf(firstDayOfQuarter(asOfYear, quarter));
      for (const label of [previousQuarter, currentQuarter]) {
        const due = euKorReportDueDate(label);
        if (due === null || due < asOf) continue;
        if (!ctx.rulesOf(Number(label.slice(0, 4))).euKorAvailable) continue;
        out.push(
          deadline(
            "EU_KOR_REPORT_DUE",
            due,
            "euKor.quarterlyReport",
            `EU-KOR-kwartaalrapport ${nlPeriod(label)} (omzet per lidstaat, ook Nederland en "0" waar niets): uiterlijk ${nlDate(due)}.`,
            `EU-KOR quarterly report ${enPeriod(label)} (turnover per member state, NL too, and "0" where none): due by ${enDate(due)}.`,
            { about: label },
          ),
        );
      }
    }
  }

  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

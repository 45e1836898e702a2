// The btw-herziening of the saved investment goods for joining or leaving the KOR in each
// year of a window around the dashboard's year (docs/domain/KOR-RULES.md §3.6), computed on the server so
// the planner needs neither the engine nor its rule table in the browser.
import { revisionSchedule, type RevisionYear } from "@/lib/kor";
import type { InvestmentGoodDto } from "./investment-good.types";

export type RevisionEvent = "join" | "leave";
export type GoodRevision = { goodId: string; schedule: RevisionYear[] };
/** event → event year → one schedule per good. */
export type RevisionPlans = Record<RevisionEvent, Record<number, GoodRevision[]>>;

/** The event years the planner offers: five years either side of the shown year. */
export const planYears = (year: number): number[] => Array.from({ length: 11 }, (_, i) => year - 5 + i);

export function revisionPlans(goods: InvestmentGoodDto[], eventYears: number[]): RevisionPlans {
  const plans: RevisionPlans = { join: {}, leave: {} };
  for (const event of ["join", "leave"] as const) {
    for (const eventYear of eventYears) {
      plans[event][eventYear] = goods.map((good) => ({
        goodId: good.id,
        schedule: revisionSchedule({
          vatCents: good.vatCents,
          firstUseYear: good.firstUseYear,
          kind: good.kind === "IMMOVABLE" ? "immovable" : "movable",
          event,
          eventYear,
          // Joining: from fully deductible to nothing; leaving: the other way round.
          deductibleBefore: event === "join" ? 1 : 0,
          deductibleAfter: event === "join" ? 0 : 1,
        }),
      }));
    }
  }
  return plans;
}

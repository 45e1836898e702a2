// Where a business stands in one year: the engine's evaluation of its stored books,
// shaped for the API's turnover endpoint and the dashboard. One evaluation per call.
import { requireBusinessAccessWithVersion, type Caller } from "@/lib/businesses/access";
import { VersionedCache } from "@/lib/cache/bounded-cache";
import { amsterdamToday } from "@/lib/dates/amsterdam-today";
import { AppError } from "@/lib/errors";
import { evaluate } from "@/lib/kor/evaluate";
import { korParticipationIn, type KorParticipationState } from "@/lib/kor/participation-status";
import type { EngineOutput } from "@/lib/kor/types";
import { loadEngineInput } from "@/lib/turnover/load-engine-input";

export type TurnoverDto = {
  year: number;
  asOf: string;
  korTurnoverCents: number;
  unionTurnoverCents: number;
  memberStateTurnoverCents: Record<string, number>;
  kor: {
    limitCents: number;
    /** status: "atRisk" while the order of the crossing day's invoices is open (§2), else "crossed". */
    crossing: { date: string; invoiceId: string; whileParticipating: boolean; atRisk: string[]; status: "crossed" | "atRisk" } | null;
    /** In the KOR, left by this year's crossing (on its date), excluded after leaving, or not in it. */
    participation: KorParticipationState;
    eligibility: EngineOutput["kor"]["eligibility"];
    participatingOnAsOf: boolean;
    earliestRejoin: string | null;
    remediation: EngineOutput["kor"]["remediation"];
  };
  euKor: {
    limitCents: number;
    crossing: { date: string; invoiceId: string; notifyBy: string } | null;
    eligibility: EngineOutput["euKor"]["eligibility"];
  };
  alerts: EngineOutput["alerts"];
  deadlines: EngineOutput["deadlines"];
  projection: EngineOutput["projection"];
  explanations?: EngineOutput["explanations"];
};

/**
 * "Today" for a year: the real today inside the current year, 31 December for a past
 * year, and today for a future year (nothing has happened there yet).
 */
export function asOfForYear(year: number, today = amsterdamToday()): string {
  return year < Number(today.slice(0, 4)) ? `${year}-12-31` : today;
}

export function toTurnoverDto(output: EngineOutput, year: number): TurnoverDto {
  const totals = output.years[String(year)];
  const korCrossing = output.kor.crossings.find((crossing) => crossing.year === year) ?? null;
  const euCrossing = output.euKor.crossings.find((crossing) => crossing.year === year) ?? null;
  return {
    year,
    asOf: output.asOf,
    korTurnoverCents: totals?.korTurnoverCents ?? 0,
    unionTurnoverCents: totals?.unionTurnoverCents ?? 0,
    memberStateTurnoverCents: totals?.memberStateTurnoverCents ?? {},
    kor: {
      limitCents: output.projection.kor.limitCents,
      crossing: korCrossing
        ? {
            date: korCrossing.date,
            invoiceId: korCrossing.transactionId,
            whileParticipating: korCrossing.whileParticipating,
            atRisk: korCrossing.atRisk,
            status: korCrossing.atRisk.length > 0 ? ("atRisk" as const) : ("crossed" as const),
          }
        : null,
      participation: korParticipationIn(output, year),
      eligibility: output.kor.eligibility,
      participatingOnAsOf: output.kor.participatingOnAsOf,
      earliestRejoin: output.kor.earliestRejoin,
      remediation: output.kor.remediation,
    },
    euKor: {
      limitCents: output.projection.union.limitCents,
      crossing: euCrossing ? { date: euCrossing.date, invoiceId: euCrossing.transactionId, notifyBy: euCrossing.notifyBy } : null,
      eligibility: output.euKor.eligibility,
    },
    alerts: output.alerts.filter((alert) => alert.year === year),
    deadlines: output.deadlines,
    projection: output.projection,
    ...(output.explanations ? { explanations: output.explanations } : {}),
  };
}

// Evaluations of unchanged books are reused: the business's books version (raised by the
// database in the same transaction as every change of its invoices, KOR periods or facts,
// and read together with the access check) decides whether a cached result still holds,
// so every instance stays correct after any write anywhere. Bounded, oldest out first.
const cache = new VersionedCache<TurnoverDto>(500);

export async function getTurnover(options: { caller: Caller; businessId: string; year?: number; explain?: boolean }): Promise<TurnoverDto> {
  const { caller, businessId } = options;
  const today = amsterdamToday();
  const year = options.year ?? Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new AppError("VALIDATION_FAILED", "Invalid year", { fields: { year: "validation.year" } });
  }
  const { booksVersion: version } = await requireBusinessAccessWithVersion({ caller, businessId, need: "read" });
  const asOf = asOfForYear(year, today);
  const key = `${businessId}:${year}:${asOf}:${options.explain ? 1 : 0}`;
  const hit = cache.get(key, version);
  if (hit) return hit;
  const dto = toTurnoverDto(evaluate(await loadEngineInput({ businessId, asOf }), { explain: options.explain }), year);
  cache.set(key, version, dto);
  return dto;
}

// Where a business stands in one year: the engine's evaluation of its books
// (lib/features/books/read-books.ts), shaped for the API's turnover endpoint.
import { derived, readBooks } from "@/lib/features/books/read-books";
import type { Caller } from "@/lib/features/businesses/access";
import { korParticipationIn, type KorParticipationState, type EngineOutput } from "@/lib/kor";

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

function toTurnoverDto(output: EngineOutput, year: number, explain: boolean): TurnoverDto {
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
    ...(explain && output.explanations ? { explanations: output.explanations } : {}),
  };
}

/** The turnover endpoint's answer, made once per version of the books (lib/features/books/read-books.ts). */
export async function getTurnover(options: { caller: Caller; businessId: string; year?: number; explain?: boolean }): Promise<TurnoverDto> {
  const books = await readBooks(options);
  const explain = options.explain === true;
  return derived(books, `turnover:${explain}`, () => toTurnoverDto(books.output, books.year, explain));
}

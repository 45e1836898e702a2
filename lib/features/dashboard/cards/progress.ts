// The progress card: counted turnover against the KOR limit, its marks and the status.
import { rulesFor } from "@/lib/kor";
import type { Progress } from "../dashboard.types";
import { korStatus } from "../kor-status";
import { percentOf, type BuildDashboardOptions } from "./card-options";

function participatingInYear(options: BuildDashboardOptions, isCurrentYear: boolean): boolean {
  const { input, output, year } = options;
  const crossing = output.kor.crossings.find((c) => c.year === year);
  if (crossing?.whileParticipating) return true;
  if (isCurrentYear) return output.kor.participatingOnAsOf;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const overlaps = (input.business.korParticipations ?? []).some((p) => p.from <= end && (p.to === undefined || p.to >= start));
  const exclusion = output.kor.exclusion;
  const excludedAllYear = exclusion !== null && exclusion.from <= start && exclusion.to >= end;
  return overlaps && !excludedAllYear;
}

export function buildProgress(options: BuildDashboardOptions, isCurrentYear: boolean): Progress {
  const { output, year } = options;
  const rules = rulesFor(year);
  const limitCents = rules.korLimitCents;
  const countedCents = output.years[String(year)]?.korTurnoverCents ?? 0;
  const percent = percentOf(countedCents, limitCents);
  const crossing = output.kor.crossings.find((c) => c.year === year);
  const participating = participatingInYear(options, isCurrentYear);
  return {
    countedCents,
    limitCents,
    percent,
    marks: rules.approachingPercents.map((p) => ({ percent: p, cents: Math.round((limitCents * p) / 100) })),
    roomLeftCents: Math.max(0, limitCents - countedCents),
    status: korStatus({
      crossedWhileParticipating: crossing?.whileParticipating ?? false,
      participating,
      percent,
      approachingPercent: rules.approachingPercents[0] ?? 80,
    }),
    participatingInYear: participating,
    participatingOnAsOf: output.kor.participatingOnAsOf,
  };
}

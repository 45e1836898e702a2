// The status words of a business against the KOR limit, the same on the dashboard's
// progress card and the accountant overview's rows.
import type { KorStatus } from "./dashboard.types";

export function korStatus(options: {
  crossedWhileParticipating: boolean;
  participating: boolean;
  percent: number;
  approachingPercent: number;
}): KorStatus {
  if (options.crossedWhileParticipating) return "crossed";
  if (!options.participating) return "notInKor";
  return options.percent >= options.approachingPercent ? "approaching" : "safe";
}

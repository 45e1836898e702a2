// The queue's notion of "now", injectable so tests drive retries and days without sleeping.
import { dateTimeFormat } from "@/lib/platform/i18n/intl-format";

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** The hour (0–23) in Europe/Amsterdam, for the daily schedule. */
export function amsterdamHour(now: Date): number {
  return Number(dateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", hour: "2-digit", hourCycle: "h23" }).format(now));
}

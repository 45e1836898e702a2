// Today's calendar date in Europe/Amsterdam, the zone of Dutch turnover dates.
import { dateTimeFormat } from "@/lib/platform/i18n/intl-format";

export function amsterdamToday(now: Date = new Date()): string {
  return dateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

// Today's calendar date in Europe/Amsterdam, the zone of Dutch turnover dates.
export function amsterdamToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

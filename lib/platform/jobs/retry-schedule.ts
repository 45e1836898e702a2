// How long a failed job waits before its next try. After the last wait has been used the
// job stays FAILED, visible in the outbox. Six tries over about 8.5 hours: an SMTP server
// that is down for an hour loses nothing.
export const RETRY_BACKOFF_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];

/** The delay after failed attempt number `attempts` (1-based), or null when it was the last. */
export function retryDelayMs(attempts: number, schedule: readonly number[] = RETRY_BACKOFF_MS): number | null {
  return attempts >= 1 && attempts <= schedule.length ? schedule[attempts - 1]! : null;
}

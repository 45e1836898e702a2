// The schedules that must run once across every node, on pg-boss: the daily evaluation of
// every business with the digests (ALERT_DAILY_HOUR, Europe/Amsterdam) and the hourly
// clean-up of expired rows. Each is a pg-boss cron schedule sent once per occurrence by
// whichever node's cron monitor gets there first (one more after downtime: missed "once");
// its queue has the policy "exclusive" (at most one job queued or running at a time, across
// nodes), retries with exponential backoff and parks a job that failed every try in the
// dead-letter queue drempel-failed, where pg-boss's tools and SQL can read it. A running
// job sends a heartbeat every heartbeatSeconds / 2; a node that dies with it (SIGKILL, a
// lost machine) stops them, and any node's supervisor fails the job heartbeatSeconds later,
// so it is retried (with the same backoff) on a live node — not only after its 30-minute
// expiry. The runs are idempotent (keyed by day), so a retried run completes the work once.
//
// What stays in the outbox table (lib/platform/jobs/worker.ts, claim-jobs.ts), and why: an alert's
// mails and every other mail are rows written in the same Prisma transaction as the
// business change, as drempel_app under row-level security. pg-boss's send cannot take part
// in that transaction (its own pool, and the web role has no rights on the pgboss schema:
// giving it them would let any web request schedule system work). The row is also the
// exactly-once record (its unique dedupeKey), the user's visible outbox page (status,
// attempts, last error) and the redaction of live links after sending. The worker's relay
// claims those rows with FOR UPDATE SKIP LOCKED — the same claim pg-boss makes on its own
// job table — and keeps their backoff on the row the user sees.
//
// pg-boss connects as drempel_worker (WORKER_DATABASE_URL): the migration
// 20261207130000_pgboss_schema lets only that role create in the schema "pgboss".
import { PgBoss } from "pg-boss";
import type { Env } from "@/lib/platform/env";
import type { Worker } from "@/lib/platform/jobs/worker";

export const SCHEDULER_SCHEMA = "pgboss";
export const QUEUES = { daily: "drempel-daily", cleanup: "drempel-cleanup", failed: "drempel-failed" } as const;
export const AMSTERDAM = "Europe/Amsterdam";

export type SchedulerOptions = {
  connectionString: string;
  worker: Pick<Worker, "runDaily" | "runCleanup">;
  dailyHour: number;
  /** Seconds before the first retry of a failed schedule run (doubling after each). */
  retryDelaySeconds?: number;
  retryLimit?: number;
  /** A running job whose node sent no heartbeat for this long is failed and retried (at least 10). */
  heartbeatSeconds?: number;
  /** How often this node's supervisor looks for jobs to expire or fail (stale heartbeats). */
  superviseIntervalSeconds?: number;
  /** How often this node's pg-boss workers look for due jobs. */
  pollingIntervalSeconds?: number;
  log?: (message: string) => void;
};

export type Scheduler = {
  readonly boss: PgBoss;
  /** Stops fetching; with graceful, waits (up to timeoutMs) for running jobs, else releases them for another node. */
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
};

/** The scheduler's settings (SCHEDULER_*, ALERT_DAILY_HOUR), for `npm run worker` and the inline worker alike. */
export function schedulerSettings(
  settings: Env,
): Pick<SchedulerOptions, "dailyHour" | "heartbeatSeconds" | "superviseIntervalSeconds" | "retryDelaySeconds" | "pollingIntervalSeconds"> {
  return {
    dailyHour: settings.ALERT_DAILY_HOUR,
    heartbeatSeconds: settings.SCHEDULER_HEARTBEAT_SECONDS,
    superviseIntervalSeconds: settings.SCHEDULER_SUPERVISE_SECONDS,
    retryDelaySeconds: settings.SCHEDULER_RETRY_DELAY_SECONDS,
    pollingIntervalSeconds: settings.SCHEDULER_POLL_SECONDS,
  };
}

/** The cron expressions of the schedules (minute hour day month weekday), in Europe/Amsterdam. */
export function scheduleCrons(dailyHour: number): Record<"daily" | "cleanup", string> {
  return { daily: `0 ${dailyHour} * * *`, cleanup: "0 * * * *" };
}

export async function startScheduler(options: SchedulerOptions): Promise<Scheduler> {
  const log = options.log ?? ((message: string) => console.log(`[drempel-scheduler] ${message}`));
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: SCHEDULER_SCHEMA,
    createSchema: false,
    application_name: "drempel-scheduler",
    max: 3,
    superviseIntervalSeconds: options.superviseIntervalSeconds ?? 60,
    monitorIntervalSeconds: options.superviseIntervalSeconds ?? 60,
  });
  boss.on("error", (error) => log(`pg-boss: ${error instanceof Error ? error.message : String(error)}`));
  await boss.start();

  const retry = {
    retryLimit: options.retryLimit ?? 5,
    retryDelay: options.retryDelaySeconds ?? 60,
    retryBackoff: true,
    retryDelayMax: 3_600,
  };
  const heartbeatSeconds = options.heartbeatSeconds ?? 60;
  await boss.createQueue(QUEUES.failed, { retentionSeconds: 30 * 86_400, deleteAfterSeconds: 30 * 86_400 });
  for (const name of [QUEUES.daily, QUEUES.cleanup]) {
    await boss.createQueue(name, { policy: "exclusive", deadLetter: QUEUES.failed, expireInSeconds: 30 * 60, heartbeatSeconds, ...retry });
    // A queue made by an earlier version (or other settings) gets these settings too.
    await boss.updateQueue(name, { deadLetter: QUEUES.failed, expireInSeconds: 30 * 60, heartbeatSeconds, ...retry });
  }
  const crons = scheduleCrons(options.dailyHour);
  await boss.schedule(QUEUES.daily, crons.daily, null, { tz: AMSTERDAM, missed: "once" });
  await boss.schedule(QUEUES.cleanup, crons.cleanup, null, { tz: AMSTERDAM, missed: "once" });

  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 10;
  await boss.work(QUEUES.daily, { pollingIntervalSeconds }, async () => {
    await options.worker.runDaily();
  });
  await boss.work(QUEUES.cleanup, { pollingIntervalSeconds }, async () => {
    await options.worker.runCleanup();
  });

  return {
    boss,
    stop: ({ graceful = true, timeoutMs = 30_000 } = {}) => boss.stop({ graceful, timeout: timeoutMs, close: true }),
  };
}

// Runs the queue worker inside the web process (instrumentation.ts), the default and the
// only choice with the embedded database (PGlite serves one process). Started once per
// process, however often Next.js calls register(). On PostgreSQL the daily schedule and
// the clean-up run on pg-boss (lib/platform/jobs/scheduler.ts), once across every node; on the
// embedded database, one process by definition, the worker's own timers run them.
import { env } from "@/lib/platform/env";
import { appBaseUrl } from "@/lib/platform/mail/app-url";
import { transportFromEnv } from "@/lib/platform/mail/transport";
import { createWorker, type Worker } from "@/lib/platform/jobs/worker";
import { schedulerSettings, startScheduler, type Scheduler } from "@/lib/platform/jobs/scheduler";

export type InlineWorker = { worker: Worker; scheduler: Promise<Scheduler | null> };

const globalForWorker = globalThis as unknown as { drempelInlineWorker?: InlineWorker };

export function startInlineWorker(): InlineWorker | null {
  const settings = env();
  if (settings.ALERT_WORKER !== "inline") return null;
  if (globalForWorker.drempelInlineWorker) return globalForWorker.drempelInlineWorker;
  const onPostgres = Boolean(settings.workerDatabaseUrl);
  const worker = createWorker({
    transport: transportFromEnv(),
    appUrl: appBaseUrl(),
    dailyHour: settings.ALERT_DAILY_HOUR,
    leaseMs: settings.ALERT_WORKER_LEASE_MS,
    inProcessSchedules: !onPostgres,
  });
  const scheduler = onPostgres
    ? startScheduler({ connectionString: settings.workerDatabaseUrl!, worker, ...schedulerSettings(settings) }).catch((error: unknown) => {
        console.error("[drempel-scheduler] could not start; the daily schedule and clean-up wait for a worker that can", error);
        return null;
      })
    : Promise.resolve(null);
  globalForWorker.drempelInlineWorker = { worker, scheduler };
  worker.start(settings.ALERT_WORKER_POLL_MS);
  return globalForWorker.drempelInlineWorker;
}

/** Stops the inline worker, if any: the current round finishes, pg-boss finishes or releases its jobs. */
export async function stopInlineWorker(timeoutMs: number): Promise<void> {
  const inline = globalForWorker.drempelInlineWorker;
  if (!inline) return;
  globalForWorker.drempelInlineWorker = undefined;
  const scheduler = await inline.scheduler;
  await Promise.all([inline.worker.stop(), scheduler?.stop({ graceful: true, timeoutMs })]);
}

// npm run worker — the queue's worker as its own process, for production beside web
// processes started with ALERT_WORKER=off. Any number may run: outbox rows are claimed with
// FOR UPDATE SKIP LOCKED, and the daily schedule and clean-up run on pg-boss
// (lib/platform/jobs/scheduler.ts), once across all of them. Not for the embedded database, which
// serves one process only.
// SIGTERM/SIGINT: no new claims; the current round of mails finishes (each is sent and
// marked, or put back with its backoff); pg-boss waits for a running schedule job up to
// SHUTDOWN_TIMEOUT_MS, after which it is released to another worker. Exit 0.
import { disconnectDb } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import { schedulerSettings, startScheduler } from "@/lib/platform/jobs/scheduler";
import { createWorker } from "@/lib/platform/jobs/worker";
import { appBaseUrl } from "@/lib/platform/mail/app-url";
import { transportFromEnv } from "@/lib/platform/mail/transport";

const settings = env();
if (settings.embedded || !settings.workerDatabaseUrl) {
  console.error(
    "[drempel-worker] DATABASE_URL is not set: the embedded database runs the worker inside the web process (ALERT_WORKER=inline).",
  );
  process.exit(1);
}
const transport = transportFromEnv();
const worker = createWorker({
  transport,
  appUrl: appBaseUrl(),
  dailyHour: settings.ALERT_DAILY_HOUR,
  leaseMs: settings.ALERT_WORKER_LEASE_MS,
  inProcessSchedules: false,
});
const scheduler = await startScheduler({ connectionString: settings.workerDatabaseUrl, worker, ...schedulerSettings(settings) });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[drempel-worker] ${signal}: finishing the current round`);
  await Promise.all([worker.stop(), scheduler.stop({ graceful: true, timeoutMs: settings.SHUTDOWN_TIMEOUT_MS })]);
  await disconnectDb();
  console.log("[drempel-worker] stopped");
  process.exit(0);
}
// Handlers first: a signal that arrives once we say we run must find them.
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
worker.start(settings.ALERT_WORKER_POLL_MS);
console.log(
  `[drempel-worker] ${worker.id} polling every ${settings.ALERT_WORKER_POLL_MS} ms, mail via ${transport.name}, schedules on pg-boss`,
);

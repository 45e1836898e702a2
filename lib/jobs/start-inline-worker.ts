// Runs the queue worker inside the web process (instrumentation.ts), the default and the
// only choice with the embedded database (PGlite serves one process). Started once per
// process, however often Next.js calls register().
import { env } from "@/lib/env";
import { appBaseUrl } from "@/lib/mail/app-url";
import { transportFromEnv } from "@/lib/mail/transport";
import { createWorker, type Worker } from "@/lib/jobs/worker";

const globalForWorker = globalThis as unknown as { drempelInlineWorker?: Worker };

export function startInlineWorker(): Worker | null {
  const settings = env();
  if (settings.ALERT_WORKER !== "inline") return null;
  if (globalForWorker.drempelInlineWorker) return globalForWorker.drempelInlineWorker;
  const worker = createWorker({ transport: transportFromEnv(), appUrl: appBaseUrl(), dailyHour: settings.ALERT_DAILY_HOUR });
  globalForWorker.drempelInlineWorker = worker;
  worker.start(settings.ALERT_WORKER_POLL_MS);
  return worker;
}

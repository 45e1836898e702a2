// npm run worker — the alert queue's worker as its own process, for production beside
// web processes started with ALERT_WORKER=off. Any number may run (rows are claimed with
// FOR UPDATE SKIP LOCKED). Not for the embedded database, which serves one process only.
import { disconnectDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createWorker } from "@/lib/jobs/worker";
import { appBaseUrl } from "@/lib/mail/app-url";
import { transportFromEnv } from "@/lib/mail/transport";

const settings = env();
if (settings.embedded) {
  console.error("[drempel-worker] DATABASE_URL is not set: the embedded database runs the worker inside the web process (ALERT_WORKER=inline).");
  process.exit(1);
}
const transport = transportFromEnv();
const worker = createWorker({ transport, appUrl: appBaseUrl(), dailyHour: settings.ALERT_DAILY_HOUR });
console.log(`[drempel-worker] ${worker.id} polling every ${settings.ALERT_WORKER_POLL_MS} ms, mail via ${transport.name}`);
worker.start(settings.ALERT_WORKER_POLL_MS);

async function shutdown(signal: string) {
  console.log(`[drempel-worker] ${signal}: finishing the current round`);
  await worker.stop();
  await disconnectDb();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

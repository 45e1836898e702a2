// The queue worker: claims due rows of OutboxJob and runs them — evaluations of a business,
// password reset requests and mails — then marks them SENT, or puts them back with backoff
// (FAILED after the last try). A mail is marked SENT only after the SMTP server accepted
// it; the one window for a duplicate is a crash between that acceptance and the mark (the
// lease then hands the row to another worker, which sends it again), or a single SMTP
// conversation longer than the lease. The lease counts from the start of each job (the
// claim is renewed then), not from the batch's claim. Many workers may run at once. Each
// also deletes expired rows every hour (delete-expired-rows.ts).
import crypto from "node:crypto";
import { db } from "@/lib/platform/db/client";
import { runAsSystem } from "@/lib/platform/db/db-context";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { evaluateBusinessAlerts } from "@/lib/features/alerts/evaluate-business-alerts";
import { prepareResetMail } from "@/lib/platform/auth/password-reset/prepare-reset-mail";
import type { OutboxKind } from "@/lib/platform/db/generated/prisma/client";
import { claimJobs, markJobFailed, markJobSent, renewClaim, type ClaimedJob } from "@/lib/platform/jobs/claim-jobs";
import { amsterdamHour, systemClock, type Clock } from "@/lib/platform/jobs/clock";
import { deleteExpiredRows, type DeletedRows } from "@/lib/platform/jobs/delete-expired-rows";
import { RETRY_BACKOFF_MS } from "@/lib/platform/jobs/retry-schedule";
import { enqueueDailyEvaluations, enqueueDigests, pruneFinishedEvaluations } from "@/lib/platform/jobs/schedule-daily";
import type { MailTransport } from "@/lib/platform/mail/transport";
import { oneClickUnsubscribeUrl } from "@/lib/platform/mail/unsubscribe-url";

const LIVE_LINK_KINDS: ReadonlySet<OutboxKind> = new Set(["PASSWORD_RESET_EMAIL", "ACCOUNT_EMAIL", "INVITATION_EMAIL"]);

export type WorkerOptions = {
  transport: MailTransport;
  appUrl: string;
  workerId?: string;
  clock?: Clock;
  retryScheduleMs?: readonly number[];
  batchSize?: number;
  /** A SENDING row older than this is taken to belong to a worker that died. */
  leaseMs?: number;
  /** Hour (Europe/Amsterdam) from which the daily evaluation and digests are queued. */
  dailyHour?: number;
  /** How often expired rows are deleted (deleteExpiredRows); the first round does it at once. */
  cleanupIntervalMs?: number;
  /** Only jobs of these kinds (a worker per kind of work); every kind by default. */
  kinds?: readonly OutboxKind[];
  /**
   * Whether start()'s loop also runs the daily schedule and the clean-up on its own timers
   * (the embedded database: one process). On PostgreSQL pg-boss runs them once across
   * every node (lib/platform/jobs/scheduler.ts) and the loop only delivers the outbox.
   */
  inProcessSchedules?: boolean;
  log?: (message: string) => void;
};

export type RoundResult = { claimed: number; done: number; retried: number; failed: number };

export type Worker = {
  readonly id: string;
  /** Claims one batch and runs it. */
  runOnce(): Promise<RoundResult>;
  /** Rounds until nothing is due (jobs made by jobs, e.g. mails of an evaluation, included). */
  runUntilIdle(maxRounds?: number): Promise<RoundResult>;
  /** The daily schedule, once per Amsterdam day from dailyHour on; returns whether it ran. */
  runDailyIfDue(): Promise<boolean>;
  /** Deletes expired rows when cleanupIntervalMs has passed since the last time; returns what it deleted, or null when not due. */
  runCleanupIfDue(): Promise<DeletedRows | null>;
  /** Today's daily schedule now, whatever the hour (idempotent: keyed by day); pg-boss's cron calls it. */
  runDaily(): Promise<void>;
  /** The clean-up now; pg-boss's hourly cron calls it. */
  runCleanup(): Promise<DeletedRows>;
  start(pollMs: number): void;
  stop(): Promise<void>;
};

export function createWorker(options: WorkerOptions): Worker {
  const id = options.workerId ?? `worker-${process.pid}-${crypto.randomBytes(3).toString("hex")}`;
  const clock = options.clock ?? systemClock;
  const schedule = options.retryScheduleMs ?? RETRY_BACKOFF_MS;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const dailyHour = options.dailyHour ?? 6;
  const cleanupIntervalMs = options.cleanupIntervalMs ?? 3_600_000;
  const inProcessSchedules = options.inProcessSchedules ?? true;
  const log = options.log ?? ((message: string) => console.log(`[drempel-worker] ${message}`));
  let lastDailyRun: string | null = null;
  let lastCleanup: number | null = null;
  let loop: Promise<void> | null = null;
  let stopped = false;
  let wake: (() => void) | null = null;

  async function runJob(job: ClaimedJob): Promise<void> {
    if (job.kind === "EVALUATE") {
      if (!job.businessId) throw new Error("evaluation without a business");
      await db().$transaction(
        async (tx) => {
          await evaluateBusinessAlerts({ tx, businessId: job.businessId!, now: clock(), appUrl: options.appUrl });
          // Finished in the same transaction as its alerts: a crash leaves both undone.
          await tx.outboxJob.updateMany({
            where: { id: job.id, lockedBy: id },
            data: { status: "SENT", sentAt: clock(), lockedAt: null, lastError: null },
          });
        },
        { timeout: 120_000, maxWait: 10_000 },
      );
      return;
    }
    if (job.kind === "PASSWORD_RESET_REQUEST") {
      // Becomes a PASSWORD_RESET_EMAIL, sent by the next round (or dropped: no account).
      await prepareResetMail({ job, workerId: id, now: clock(), appUrl: options.appUrl });
      return;
    }
    if (!job.toAddress || !job.subject || job.textBody === null || job.htmlBody === null) throw new Error("mail without content");
    const headers: Record<string, string> = {};
    if (job.unsubscribeUrl) {
      headers["List-Unsubscribe"] = `<${oneClickUnsubscribeUrl(job.unsubscribeUrl)}>`;
      headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
    }
    headers["X-Drempel-Outbox-Id"] = job.id;
    const accepted = await options.transport.send({
      to: job.toAddress,
      subject: job.subject,
      text: job.textBody,
      html: job.htmlBody,
      headers,
    });
    // A reset, verification or invitation mail carries a live link; once a mail server has
    // it, the outbox keeps none. Without SMTP the outbox row is the only delivery, so it
    // keeps the link until it expires.
    const redact = LIVE_LINK_KINDS.has(job.kind) && options.transport.name !== "outbox";
    await markJobSent({ job, workerId: id, now: clock(), transport: options.transport.name, messageId: accepted.messageId, redact });
  }

  async function runOnce(): Promise<RoundResult> {
    const jobs = await claimJobs({ workerId: id, now: clock(), limit: batchSize, leaseMs, kinds: options.kinds });
    const result: RoundResult = { claimed: jobs.length, done: 0, retried: 0, failed: 0 };
    for (const job of jobs) {
      try {
        if (!(await renewClaim({ job, workerId: id, now: clock() }))) {
          log(`${job.kind} ${job.id} was taken over by another worker while this one was busy; left to it`);
          continue;
        }
        await runJob(job);
        result.done += 1;
      } catch (error) {
        const outcome = await markJobFailed({ job, workerId: id, now: clock(), error, schedule });
        result[outcome === "retry" ? "retried" : "failed"] += 1;
        log(`${job.kind} ${job.id} attempt ${job.attempts} failed (${outcome}): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return result;
  }

  async function runUntilIdle(maxRounds = 100): Promise<RoundResult> {
    const total: RoundResult = { claimed: 0, done: 0, retried: 0, failed: 0 };
    for (let round = 0; round < maxRounds; round++) {
      const result = await runOnce();
      for (const key of Object.keys(total) as (keyof RoundResult)[]) total[key] += result[key];
      if (result.claimed === 0) break;
    }
    return total;
  }

  async function runDailyIfDue(): Promise<boolean> {
    const now = clock();
    const day = amsterdamToday(now);
    if (lastDailyRun === day || amsterdamHour(now) < dailyHour) return false;
    await runDaily();
    return true;
  }

  async function runDaily(): Promise<void> {
    const now = clock();
    const day = amsterdamToday(now);
    const evaluations = await enqueueDailyEvaluations(now);
    // Digests after today's evaluations have run, so they carry today's alerts.
    await runUntilIdle();
    const digests = await enqueueDigests({ now, appUrl: options.appUrl });
    await pruneFinishedEvaluations(now);
    lastDailyRun = day;
    if (evaluations || digests) log(`daily schedule ${day}: ${evaluations} evaluations, ${digests} digests queued`);
  }

  async function runCleanupIfDue(): Promise<DeletedRows | null> {
    const now = clock();
    if (lastCleanup !== null && now.getTime() - lastCleanup < cleanupIntervalMs) return null;
    // Marked first: a clean-up that fails waits for the next interval, not the next round.
    lastCleanup = now.getTime();
    return runCleanup();
  }

  async function runCleanup(): Promise<DeletedRows> {
    const deleted = await deleteExpiredRows(clock());
    const total = Object.values(deleted).reduce((sum, count) => sum + count, 0);
    if (total)
      log(
        `clean-up: ${Object.entries(deleted)
          .map(([table, count]) => `${count} ${table}`)
          .join(", ")} deleted`,
      );
    return deleted;
  }

  function start(pollMs: number): void {
    if (loop) return;
    stopped = false;
    loop = (async () => {
      while (!stopped) {
        try {
          if (inProcessSchedules) await runDailyIfDue();
          await runUntilIdle();
          // Housekeeping must never hold up the mails.
          if (inProcessSchedules)
            await runCleanupIfDue().catch((error: unknown) =>
              log(`clean-up failed: ${error instanceof Error ? error.message : String(error)}`),
            );
        } catch (error) {
          log(`round failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (stopped) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, pollMs).unref?.();
        });
        wake = null;
      }
    })();
  }

  async function stop(): Promise<void> {
    stopped = true;
    wake?.();
    await loop;
    loop = null;
  }

  // The worker's queries run in system mode under row-level security: no user asked for them.
  return {
    id,
    runOnce: () => runAsSystem(runOnce),
    runUntilIdle: (maxRounds?: number) => runAsSystem(() => runUntilIdle(maxRounds)),
    runDailyIfDue: () => runAsSystem(runDailyIfDue),
    runCleanupIfDue: () => runAsSystem(runCleanupIfDue),
    runDaily: () => runAsSystem(runDaily),
    runCleanup: () => runAsSystem(runCleanup),
    start: (pollMs: number) => void runAsSystem(() => start(pollMs)),
    stop,
  };
}

// Claiming and finishing queue rows. A claim is one short statement: due PENDING rows (and
// SENDING rows whose worker vanished past the lease) are locked with FOR UPDATE SKIP
// LOCKED, so concurrent workers never take the same row, and marked SENDING by this worker.
import { db } from "@/lib/platform/db/client";
import type { OutboxKind } from "@/lib/platform/db/generated/prisma/client";
import { retryDelayMs } from "@/lib/platform/jobs/retry-schedule";

export type ClaimedJob = {
  id: string;
  kind: OutboxKind;
  attempts: number;
  businessId: string | null;
  userId: string | null;
  toAddress: string | null;
  subject: string | null;
  textBody: string | null;
  htmlBody: string | null;
  unsubscribeUrl: string | null;
};

export async function claimJobs(options: {
  workerId: string;
  now: Date;
  limit: number;
  leaseMs: number;
  kinds?: readonly OutboxKind[];
}): Promise<ClaimedJob[]> {
  const { workerId, now, limit, leaseMs } = options;
  // Handed out in due order (an UPDATE's RETURNING comes in the table's order): the lease
  // of the batch's last rows is the one that runs out first (renewClaim).
  return db().$queryRawUnsafe<ClaimedJob[]>(
    `WITH claimed AS (
       UPDATE "OutboxJob" AS j
          SET "status" = 'SENDING', "lockedAt" = $1::timestamptz, "lockedBy" = $2, "attempts" = j."attempts" + 1,
              "dedupeKey" = CASE WHEN j."dedupeKey" LIKE 'evaluate:%' THEN NULL ELSE j."dedupeKey" END
        WHERE j."id" IN (
          SELECT "id" FROM "OutboxJob"
           WHERE (("status" = 'PENDING' AND "nextAttemptAt" <= $1::timestamptz)
              OR ("status" = 'SENDING' AND "lockedAt" < $3::timestamptz))
             AND ($5::text[] IS NULL OR "kind"::text = ANY($5::text[]))
           ORDER BY "nextAttemptAt", "createdAt"
           LIMIT $4
           FOR UPDATE SKIP LOCKED)
        RETURNING j."id", j."kind", j."attempts", j."businessId", j."userId", j."toAddress", j."subject", j."textBody", j."htmlBody", j."unsubscribeUrl", j."nextAttemptAt", j."createdAt")
     SELECT "id", "kind", "attempts", "businessId", "userId", "toAddress", "subject", "textBody", "htmlBody", "unsubscribeUrl"
       FROM claimed ORDER BY "nextAttemptAt", "createdAt"`,
    now.toISOString(),
    workerId,
    new Date(now.getTime() - leaseMs).toISOString(),
    limit,
    options.kinds ? [...options.kinds] : null,
  );
}

/**
 * Claims a job of this worker's batch again as it begins it, so that the lease counts from
 * now: a batch's last rows would otherwise outlive it while the first ones are sent (a slow
 * SMTP server). False when another worker took the job over meanwhile: it is theirs now.
 */
export async function renewClaim(options: { job: ClaimedJob; workerId: string; now: Date }): Promise<boolean> {
  const { job, workerId, now } = options;
  const { count } = await db().outboxJob.updateMany({
    where: { id: job.id, lockedBy: workerId, status: "SENDING" },
    data: { lockedAt: now },
  });
  return count === 1;
}

export const REDACTED_BODY = "[removed after sending]";

/** Marks a claimed job done; only the worker that holds it can (a stale claim cannot). */
export async function markJobSent(options: {
  job: ClaimedJob;
  workerId: string;
  now: Date;
  transport?: string;
  messageId?: string;
  redact?: boolean;
}): Promise<void> {
  const { job, workerId, now } = options;
  await db().outboxJob.updateMany({
    where: { id: job.id, lockedBy: workerId, status: "SENDING" },
    data: {
      status: "SENT",
      sentAt: now,
      lockedAt: null,
      lastError: null,
      transport: options.transport ?? null,
      messageId: options.messageId ?? null,
      ...(options.redact ? { textBody: REDACTED_BODY, htmlBody: REDACTED_BODY } : {}),
    },
  });
}

/** Puts a failed job back with the next backoff, or leaves it FAILED after the last try. */
export async function markJobFailed(options: {
  job: ClaimedJob;
  workerId: string;
  now: Date;
  error: unknown;
  schedule?: readonly number[];
}): Promise<"retry" | "failed"> {
  const { job, workerId, now } = options;
  const delay = retryDelayMs(job.attempts, options.schedule);
  const message = (options.error instanceof Error ? options.error.message : String(options.error)).slice(0, 1000);
  await db().outboxJob.updateMany({
    where: { id: job.id, lockedBy: workerId, status: "SENDING" },
    data:
      delay === null
        ? { status: "FAILED", lockedAt: null, lastError: message }
        : { status: "PENDING", lockedAt: null, lockedBy: null, lastError: message, nextAttemptAt: new Date(now.getTime() + delay) },
  });
  return delay === null ? "failed" : "retry";
}

// Asks the queue to evaluate a business's alerts. Called by every invoice change, inside
// its transaction: a rolled-back change enqueues nothing. While an evaluation of the
// business is still pending this adds nothing (unique dedupeKey), so a burst of invoices
// causes one evaluation; the worker clears the key when it claims the job, so a change
// made during an evaluation is evaluated again afterwards.
import type { Tx } from "@/lib/platform/db/client";

export const evaluationKey = (businessId: string) => `evaluate:${businessId}`;
export const dailyEvaluationKey = (businessId: string, day: string) => `daily:${businessId}:${day}`;

export async function enqueueEvaluation(client: Tx, businessId: string): Promise<void> {
  await client.outboxJob.createMany({
    data: [{ kind: "EVALUATE", dedupeKey: evaluationKey(businessId), businessId }],
    skipDuplicates: true,
  });
}

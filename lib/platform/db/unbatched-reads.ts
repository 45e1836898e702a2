// Keeps every query in its caller's row-level-security context. Prisma's dataloader does
// not send findUnique / findUniqueOrThrow (or the statements of an array transaction) at
// once: it queues them and sends everything queued in that tick from one
// process.nextTick callback, in the async context of whoever queued first. The pool
// (lib/platform/db/context-pool.ts) reads the context at checkout, so two requests that read a row
// by its key in the same tick ran both in the first one's context: the second user got
// "not found" for their own business, or read a row of the first user's business.
// Outside a transaction these reads therefore run as findFirst / findFirstOrThrow, which
// Prisma sends immediately from the caller; inside an interactive transaction the
// connection already carries the context, so nothing changes there.

/** The unbatched operation that answers the same as a batched one. */
export const UNBATCHED_READS: Readonly<Record<string, "findFirst" | "findFirstOrThrow">> = {
  findUnique: "findFirst",
  findUniqueOrThrow: "findFirstOrThrow",
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * A findUnique `where` as a findFirst `where`: a compound key such as
 * `businessId_userId: { businessId, userId }` becomes its fields. Prisma names a compound
 * key by its fields joined with "_"; any other filter stays as it is.
 */
export function uniqueWhereAsFilter(where: Record<string, unknown>): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(where)) {
    const isCompoundKey =
      isPlainObject(value) && key.includes("_") && [...key.split("_")].sort().join() === Object.keys(value).sort().join();
    if (isCompoundKey) Object.assign(filter, value);
    else filter[key] = value;
  }
  return filter;
}

/** Why an array transaction is refused: its BEGIN would run in another request's context. */
export const BATCH_TRANSACTION_REFUSED =
  "db().$transaction([...]) is dispatched outside the caller's row-level-security context: use db().$transaction(async (tx) => …)";

// Reads that may be answered by a read replica (DATABASE_REPLICA_URL). Inside
// readFromReplica, db() and queryRows() use a second client on the replica, with the same
// row-level-security context as the primary's (the pool's BEGIN; SET LOCAL
// drempel.user_id — allowed in a read-only transaction on a hot standby), in read-only
// transactions. Unset, everything goes to the primary.
//
// Only for reads that tolerate the replica's lag, and so never:
// - an access, session, token or secret check (a revoked session or secret must stop at
//   once): those run before, on the primary;
// - a read that follows a write of the same request (read-your-writes), nor anything that
//   writes (a replica refuses it);
// - system work (runAsSystem): it stays on the worker's connection to the primary.
// Today: the calendar feed's deadlines (lib/features/calendar/get-calendar-feed.ts), polled by
// calendar apps a few times an hour, after its secret was looked up on the primary.
import { AsyncLocalStorage } from "node:async_hooks";

const globalForReplica = globalThis as unknown as { drempelReplicaScope?: AsyncLocalStorage<boolean> };
const storage = (globalForReplica.drempelReplicaScope ??= new AsyncLocalStorage<boolean>());

/** Runs `work`, whose reads may come from the read replica (see above for which may). */
export function readFromReplica<T>(work: () => T | PromiseLike<T>): Promise<T> {
  return storage.run(true, async () => await work());
}

export function inReplicaScope(): boolean {
  return storage.getStore() === true;
}

// Makes the rest of a transaction act as one account under row-level security: for the
// steps before anyone is logged in (registration, a verification link) that write the
// account's own rows. The setting is transaction-local (`set_config(…, true)`), so it ends
// with the transaction, on a direct connection as behind a transaction-mode pooler.
import type { Tx } from "@/lib/platform/db/client";

export async function actAsAccount(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT set_config('drempel.user_id', ${userId}, true)`;
}

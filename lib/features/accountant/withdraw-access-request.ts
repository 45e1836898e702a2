// The accountant withdraws their own open request (every business it reached). Someone
// else's, or an answered one, is NOT_FOUND — the same as one that never existed.
import type { Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function withdrawAccessRequest(options: { caller: Caller; requestId: string; now?: Date }): Promise<void> {
  const { caller, requestId } = options;
  const now = options.now ?? new Date();
  if (!uuid.test(requestId)) throw new AppError("NOT_FOUND", "Request not found");
  const request = await db().accountantAccessRequest.findFirst({ where: { id: requestId, accountantId: caller.userId } });
  if (!request || request.approvedAt || request.withdrawnAt || request.expiresAt <= now)
    throw new AppError("NOT_FOUND", "Request not found");
  // A rejected one is withdrawn as well: the accountant must not learn that it was rejected.
  await db().accountantAccessRequest.updateMany({
    where: { accountantId: caller.userId, kvkNumber: request.kvkNumber, approvedAt: null, withdrawnAt: null, createdAt: request.createdAt },
    data: { withdrawnAt: now },
  });
}

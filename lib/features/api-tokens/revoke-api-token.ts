// Revokes one of the caller's tokens; from the next request on it answers 401. Another
// user's token, or an already revoked one, is "not found". The revocation goes into the user's security log.
import { z } from "zod";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import type { Caller } from "@/lib/features/businesses/access";

const uuid = z.uuid();

export async function revokeApiToken(options: { caller: Caller; tokenId: string }): Promise<void> {
  if (!uuid.safeParse(options.tokenId).success) throw new AppError("NOT_FOUND", "Token not found");
  const { userId } = options.caller;
  await db().$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: options.tokenId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "Token not found");
    await writeAuditLog(tx, {
      businessId: null,
      actorId: userId,
      action: "security.apiTokenRevoke",
      entityType: "ApiToken",
      entityId: options.tokenId,
    });
  });
}

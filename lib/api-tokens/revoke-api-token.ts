// Revokes one of the caller's tokens; from the next request on it answers 401. Another
// user's token, or an already revoked one, is "not found".
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Caller } from "@/lib/businesses/access";

const uuid = z.uuid();

export async function revokeApiToken(options: { caller: Caller; tokenId: string }): Promise<void> {
  if (!uuid.safeParse(options.tokenId).success) throw new AppError("NOT_FOUND", "Token not found");
  const { count } = await db().apiToken.updateMany({
    where: { id: options.tokenId, userId: options.caller.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "Token not found");
}

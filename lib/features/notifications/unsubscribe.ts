// The unsubscribe link's effect, without logging in: the signed token's user stops
// getting mails of the token's kind — nothing else changes. A tampered token is refused.
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import type { NotificationKind } from "@/lib/features/alerts/notification-kinds";
import { verifyUnsubscribeToken } from "@/lib/platform/mail/unsubscribe-token";

export type UnsubscribeTarget = { userId: string; email: string; kind: NotificationKind };

/** Who and what a token names (for the confirmation page), or VALIDATION_FAILED. */
export async function readUnsubscribeToken(token: unknown): Promise<UnsubscribeTarget> {
  const claim = verifyUnsubscribeToken(token);
  if (!claim) throw new AppError("VALIDATION_FAILED", "Invalid unsubscribe link", { fields: { token: "validation.unsubscribeToken" } });
  const user = await db().user.findUnique({ where: { id: claim.userId }, select: { email: true } });
  if (!user) throw new AppError("VALIDATION_FAILED", "Invalid unsubscribe link", { fields: { token: "validation.unsubscribeToken" } });
  return { userId: claim.userId, email: user.email, kind: claim.kind };
}

export async function unsubscribe(options: { token: unknown }): Promise<UnsubscribeTarget> {
  const target = await readUnsubscribeToken(options.token);
  // One statement, so two clicks at once cannot lose or double the kind.
  await db().$executeRawUnsafe(
    `INSERT INTO "NotificationSetting" ("userId", "dailyDigest", "mutedKinds", "updatedAt")
     VALUES ($1::uuid, false, ARRAY[$2]::text[], now())
     ON CONFLICT ("userId") DO UPDATE
       SET "mutedKinds" = CASE WHEN $2 = ANY("NotificationSetting"."mutedKinds") THEN "NotificationSetting"."mutedKinds"
                               ELSE array_append("NotificationSetting"."mutedKinds", $2) END,
           "updatedAt" = now()`,
    target.userId,
    target.kind,
  );
  return target;
}

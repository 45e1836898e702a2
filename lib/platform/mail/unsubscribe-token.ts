// Unsubscribe links that work without logging in: the token names one user and one kind
// of notification, signed with HMAC-SHA256. A changed byte anywhere fails verification.
import crypto from "node:crypto";
import { z } from "zod";
import { isNotificationKind, type NotificationKind } from "@/lib/features/alerts/notification-kinds";
import { alertSigningSecret } from "@/lib/platform/mail/signing-secret";

export type UnsubscribeClaim = { userId: string; kind: NotificationKind };

const claimSchema = z.object({ u: z.uuid(), k: z.string().refine(isNotificationKind), v: z.literal(1) });

function mac(payload: string, secret: string): string {
  // A purpose prefix, so this key's MACs cannot be replayed as any other token.
  return crypto.createHmac("sha256", secret).update(`drempel-unsubscribe.${payload}`).digest("base64url");
}

export function signUnsubscribeToken(claim: UnsubscribeClaim, secret = alertSigningSecret()): string {
  const payload = Buffer.from(JSON.stringify({ u: claim.userId, k: claim.kind, v: 1 })).toString("base64url");
  return `${payload}.${mac(payload, secret)}`;
}

/** The claim of a genuine token, else null (tampered, truncated or not a token at all). */
export function verifyUnsubscribeToken(token: unknown, secret = alertSigningSecret()): UnsubscribeClaim | null {
  if (typeof token !== "string" || token.length > 1000) return null;
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const parsed = claimSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    return { userId: parsed.data.u, kind: parsed.data.k as NotificationKind };
  } catch {
    return null;
  }
}

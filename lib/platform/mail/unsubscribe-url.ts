// Where an unsubscribe link points: the public page (a person confirms there) and the
// one-click endpoint of RFC 8058 for mail clients' List-Unsubscribe button.
import { signUnsubscribeToken, type UnsubscribeClaim } from "@/lib/platform/mail/unsubscribe-token";

export function unsubscribeUrl(appUrl: string, claim: UnsubscribeClaim): string {
  return `${appUrl}/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken(claim))}`;
}

/** The List-Unsubscribe target for a page link made by `unsubscribeUrl`. */
export function oneClickUnsubscribeUrl(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.pathname = "/api/notifications/unsubscribe";
  return url.toString();
}

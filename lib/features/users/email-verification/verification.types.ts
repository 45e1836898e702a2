// The numbers of e-mail verification (issue #15), in one place.

/** How long a verification link works. */
export const VERIFY_EMAIL_TOKEN_HOURS = 48;
/** "Send again" from the banner: per user and window. */
export const VERIFY_RESEND_LIMIT = 3;
export const VERIFY_RESEND_WINDOW_SECONDS = 60 * 60;
/** Registrations of one address (new or existing, counted alike) per window: each sends a mail. */
export const REGISTER_EMAIL_LIMIT = 3;
export const REGISTER_EMAIL_WINDOW_SECONDS = 60 * 60;

export const verifyResendRateKey = (userId: string) => `verify-resend:user:${userId}`;
export const registerEmailRateKey = (email: string) => `register:email:${email}`;

export function verifyEmailLink(baseUrl: string, token: string): string {
  return `${baseUrl}/verify-email?token=${encodeURIComponent(token)}`;
}

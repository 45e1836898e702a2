// The names of next-auth's session cookie: with the __Secure- prefix when NEXTAUTH_URL is
// https (next-auth's useSecureCookies), without it otherwise. A large token is split over
// `<name>.0`, `<name>.1`, ….
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** The name next-auth gives its session cookie under this NEXTAUTH_URL. */
export function sessionCookieName(secure = process.env.NEXTAUTH_URL?.startsWith("https://") ?? false): (typeof SESSION_COOKIES)[number] {
  return secure ? SESSION_COOKIES[0] : SESSION_COOKIES[1];
}

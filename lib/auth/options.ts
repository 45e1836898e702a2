// next-auth 4: credentials (email + password) with JWT sessions. The token carries the
// user's id and password version; a changed password ends older sessions.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/auth/secret";
import { isAppError } from "@/lib/errors";
import { authenticate } from "@/lib/auth/authenticate";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { env } from "@/lib/env";
import { clientIpFromHeaders } from "@/lib/http/client-address";

/** The client's address for rate limits: forwarded headers count only from TRUSTED_PROXIES (lib/http/client-address.ts). */
export function clientIp(headers: Record<string, unknown> | Headers | undefined): string | undefined {
  return clientIpFromHeaders(headers, env().trustedProxies);
}

export const RATE_LIMITED_ERROR = "RATE_LIMITED";

export const authOptions: NextAuthOptions = {
  // Resolved on first use, not at import: `next build` imports this module.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          const user = await authenticate({ email: credentials?.email, password: credentials?.password, ip: clientIp(req?.headers) });
          if (!user) return null;
          return { id: user.id, email: user.email, name: user.name, passwordVersion: user.passwordVersion };
        } catch (error) {
          if (isAppError(error) && error.code === "RATE_LIMITED") throw new Error(RATE_LIMITED_ERROR);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    // Every redirect next-auth makes (after sign-in or sign-out, its callbackUrl): a path of
    // this app only (lib/auth/safe-redirect.ts), else the businesses page.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeRedirectPath(url, { origins: [baseUrl] })}`;
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.pwv = (user as { passwordVersion?: number }).passwordVersion ?? 1;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") {
        session.user.id = token.uid;
        session.user.passwordVersion = token.pwv ?? 1;
      }
      return session;
    },
  },
};

// next-auth 4: credentials (email + password, then a one-time code for users with
// two-factor login) with JWT sessions. A successful login starts a server-side session
// (UserSession); the token carries the user's id, password version and that session's id
// (`sid`), and every request checks all three (lib/platform/auth/sessions/session-user.ts), so
// logging out, a changed password, the idle timeout or "log out everywhere" end it.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/platform/auth/secret";
import { isAppError } from "@/lib/platform/errors";
import { authenticate } from "@/lib/platform/auth/authenticate";
import { safeRedirectPath } from "@/lib/platform/auth/safe-redirect";
import { env } from "@/lib/platform/env";
import { clientIpFromHeaders } from "@/lib/platform/http/client-address";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/platform/auth/sessions/live-session-sql";
import { recordFailedLogin } from "@/lib/platform/auth/sessions/record-failed-login";
import { endUserSession, startUserSession } from "@/lib/platform/auth/sessions/user-sessions";
import { verifySecondFactor } from "@/lib/platform/auth/two-factor/two-factor";
import { verifyPasskeyLogin } from "@/lib/platform/auth/passkeys/passkeys";
import { db } from "@/lib/platform/db/client";

/** The client's address for rate limits: forwarded headers count only from TRUSTED_PROXIES (lib/platform/http/client-address.ts). */
export function clientIp(headers: Record<string, unknown> | Headers | undefined): string | undefined {
  return clientIpFromHeaders(headers, env().trustedProxies);
}

export const RATE_LIMITED_ERROR = "RATE_LIMITED";
/** The password was right; the login form must ask for the one-time code and send both again. */
export const TWO_FACTOR_REQUIRED_ERROR = "TWO_FACTOR_REQUIRED";
/** The password was right, the code was not (wrong, already used, or a used recovery code). */
export const TWO_FACTOR_INVALID_ERROR = "TWO_FACTOR_INVALID";

function userAgentOf(headers: Record<string, unknown> | undefined): string | undefined {
  const value = headers?.["user-agent"];
  return typeof value === "string" ? value : undefined;
}

export const authOptions: NextAuthOptions = {
  // Resolved on first use, not at import: `next build` imports this module.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Code", type: "text" },
      },
      async authorize(credentials, req) {
        try {
          const ip = clientIp(req?.headers);
          const user = await authenticate({ email: credentials?.email, password: credentials?.password, ip });
          if (!user) {
            await recordFailedLogin({ email: credentials?.email, ip });
            return null;
          }
          // No session without the second factor: the password alone only earns the question.
          const second = await verifySecondFactor({ userId: user.id, code: credentials?.code });
          if (second.status === "required") throw new Error(TWO_FACTOR_REQUIRED_ERROR);
          if (second.status === "invalid") throw new Error(TWO_FACTOR_INVALID_ERROR);
          const sessionId = await startUserSession({ userId: user.id, userAgent: userAgentOf(req?.headers), ip });
          return { id: user.id, email: user.email, name: user.name, passwordVersion: user.passwordVersion, sessionId };
        } catch (error) {
          if (isAppError(error) && error.code === "RATE_LIMITED") throw new Error(RATE_LIMITED_ERROR);
          throw error;
        }
      },
    }),
    // A passkey instead of the password (and of the code): the login page sends the
    // browser's signed answer to a challenge from /api/passkeys/login-options.
    CredentialsProvider({
      id: "passkey",
      name: "passkey",
      credentials: { challengeId: { label: "Challenge", type: "text" }, response: { label: "Response", type: "text" } },
      async authorize(credentials, req) {
        const ip = clientIp(req?.headers);
        let response: unknown;
        try {
          response = JSON.parse(credentials?.response ?? "");
        } catch {
          return null;
        }
        const found = await verifyPasskeyLogin({ input: { challengeId: credentials?.challengeId, response }, ip });
        if (!found) return null;
        const user = await db().user.findUnique({
          where: { id: found.userId },
          select: { id: true, email: true, name: true, passwordVersion: true },
        });
        if (!user) return null;
        const sessionId = await startUserSession({ userId: user.id, userAgent: userAgentOf(req?.headers), ip });
        return { id: user.id, email: user.email, name: user.name, passwordVersion: user.passwordVersion, sessionId };
      },
    }),
  ],
  callbacks: {
    // Every redirect next-auth makes (after sign-in or sign-out, its callbackUrl): a path of
    // this app only (lib/platform/auth/safe-redirect.ts), else the businesses page.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeRedirectPath(url, { origins: [baseUrl] })}`;
    },
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as { passwordVersion?: number; sessionId?: string };
        token.uid = user.id;
        token.pwv = signedIn.passwordVersion ?? 1;
        token.sid = signedIn.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") {
        session.user.id = token.uid;
        session.user.passwordVersion = token.pwv ?? 1;
        session.user.sessionId = token.sid;
      }
      return session;
    },
  },
  events: {
    // POST /api/auth/signout: the cookie is cleared in the browser and the session ends on
    // the server, so a copy of the cookie is worthless too.
    async signOut({ token }) {
      if (token && typeof token.uid === "string") await endUserSession({ userId: token.uid, sessionId: token.sid });
    },
  },
};

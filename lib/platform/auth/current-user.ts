// The signed-in user of this request, checked against the database on every request (one
// statement, lib/platform/auth/sessions/session-user.ts): a deleted user, a changed password, or a
// session that was logged out, ended elsewhere or idle too long ends it at once.
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/platform/auth/options";
import { findSessionUser, type SessionUser } from "@/lib/platform/auth/sessions/session-user";
import { AppError } from "@/lib/platform/errors";

/** The session's user (lib/platform/auth/sessions/session-user.ts) and the session of this request. */
export type CurrentUser = SessionUser & {
  /** The server-side session of this request (UserSession). */
  sessionId: string;
};

/** Where a member of a firm that requires two-factor login sets it up. */
export const TWO_FACTOR_SETUP_PATH = "/settings/account?twoFactor=required#two-factor";

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const claims = session?.user;
  if (!claims?.id) return null;
  const user = await findSessionUser({ userId: claims.id, sessionId: claims.sessionId, passwordVersion: claims.passwordVersion });
  if (!user) return null;
  return { ...user, sessionId: claims.sessionId! };
});

type Options = {
  /** For the account page (and the layout around it): open while two-factor setup is required. */
  allowTwoFactorSetup?: boolean;
};

/** For pages: the signed-in user, or a redirect to the login page (or to the two-factor setup their firm requires). */
export async function requireUser(options: Options = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.twoFactorSetupRequired && !options.allowTwoFactorSetup) redirect(TWO_FACTOR_SETUP_PATH);
  return user;
}

/** For server actions and route handlers: the caller's identity, or UNAUTHENTICATED (FORBIDDEN while required two-factor setup is missing). */
export async function requireCaller(options: Options = {}): Promise<{ userId: string; sessionId: string }> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Not signed in");
  if (user.twoFactorSetupRequired && !options.allowTwoFactorSetup)
    throw new AppError("FORBIDDEN", "Your firm requires two-factor login: set it up first");
  return { userId: user.id, sessionId: user.sessionId };
}

// The signed-in user of this request, checked against the database on every request so
// a deleted user or a changed password ends the session at once.
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export type CurrentUser = { id: string; name: string; email: string; locale: "nl" | "en"; isAccountant: boolean; emailVerified: boolean };

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, locale: true, isAccountant: true, passwordVersion: true, emailVerifiedAt: true },
  });
  if (!user || session.user?.passwordVersion !== user.passwordVersion) return null;
  return { id: user.id, name: user.name, email: user.email, locale: user.locale, isAccountant: user.isAccountant, emailVerified: user.emailVerifiedAt !== null };
});

/** For pages: the signed-in user, or a redirect to the login page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For server actions and route handlers: the caller's identity, or UNAUTHENTICATED. */
export async function requireCaller(): Promise<{ userId: string }> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Not signed in");
  return { userId: user.id };
}

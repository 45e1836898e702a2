// Where a signed-in user lands when no page was asked for (after login, or on "/"): an
// accountant without a business of his own on his clients (/accountant), everyone else on
// their businesses. A callbackUrl (lib/platform/auth/safe-redirect.ts) always wins over this.
import { db } from "@/lib/platform/db/client";
import { AFTER_LOGIN_PATH } from "@/lib/platform/auth/safe-redirect";

export const ACCOUNTANT_LANDING_PATH = "/accountant";

/** The landing page of `user`: /accountant for an accountant (by flag or by memberships) who owns or works in no business, else /businesses. */
export async function landingPath(user: { id: string; isAccountant: boolean }): Promise<string> {
  const memberships = await db().membership.findMany({ where: { userId: user.id }, select: { role: true }, distinct: ["role"] });
  if (memberships.some((membership) => membership.role !== "ACCOUNTANT")) return AFTER_LOGIN_PATH;
  return user.isAccountant || memberships.length > 0 ? ACCOUNTANT_LANDING_PATH : AFTER_LOGIN_PATH;
}

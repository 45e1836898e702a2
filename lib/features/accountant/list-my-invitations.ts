// The invitations waiting for the signed-in user, matched on their email address once it
// is verified (an unverified account has none: row-level security agrees). They are
// answered through the link in the invitation mail (respond-to-invitation.ts).
import type { Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import type { MyInvitationDto } from "./accountant.types";

const pendingFor = (email: string, now: Date) => ({
  email: email.toLowerCase(),
  acceptedAt: null,
  declinedAt: null,
  withdrawnAt: null,
  expiresAt: { gt: now },
});

export async function listMyInvitations(options: { caller: Caller; now?: Date }): Promise<MyInvitationDto[]> {
  const user = await db().user.findUnique({ where: { id: options.caller.userId }, select: { email: true, emailVerifiedAt: true } });
  if (!user?.emailVerifiedAt) return [];
  const invitations = await db().accountantInvitation.findMany({
    where: pendingFor(user.email, options.now ?? new Date()),
    include: { business: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const inviterIds = [...new Set(invitations.map((i) => i.invitedById).filter((id): id is string => id !== null))];
  const inviters = inviterIds.length
    ? await db().user.findMany({ where: { id: { in: inviterIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(inviters.map((u) => [u.id, u.name]));
  return invitations.map((i) => ({
    id: i.id,
    businessId: i.businessId,
    businessName: i.business.name,
    access: i.access,
    invitedBy: i.invitedById ? (names.get(i.invitedById) ?? null) : null,
    expiresAt: i.expiresAt.toISOString(),
  }));
}

/** Whether the user has anything on /accountant: an accountant, or a verified someone with a pending invitation. */
export async function hasAccountantView(
  user: { isAccountant: boolean; email: string; emailVerified: boolean },
  now = new Date(),
): Promise<boolean> {
  if (user.isAccountant) return true;
  if (!user.emailVerified) return false;
  return (await db().accountantInvitation.count({ where: pendingFor(user.email, now) })) > 0;
}

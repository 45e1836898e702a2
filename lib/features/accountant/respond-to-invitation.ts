// The invitee answers an invitation through the link in its mail (issue #15): the link's
// single-use token names the invitation, and only a signed-in account whose VERIFIED
// address is the invited one may use it. Accepting creates the ACCOUNTANT membership with
// the level the owner chose and marks the user as an accountant; both answers close the
// invitation, so the token works once. A wrong, used, expired or withdrawn token, or one
// meant for another address, is NOT_FOUND; an unverified account is told to verify first.
// Row-level security agrees: an unverified account sees no invitation and may add no
// membership (drempel_current_user_email() is NULL for it).
import type { Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { hashResetToken as hashToken, isResetTokenFormat as isTokenFormat } from "@/lib/platform/auth/password-reset/reset-token";
import type { AccessLevel } from "./accountant.types";

export type InvitationByToken =
  | {
      status: "open";
      invitation: {
        id: string;
        businessId: string;
        businessName: string;
        access: AccessLevel;
        invitedBy: string | null;
        expiresAt: string;
      };
    }
  | { status: "unverified" }
  | { status: "invalid" };

const notFound = () => new AppError("NOT_FOUND", "Invitation not found", { fields: { token: "accountant.errors.invitationInvalid" } });
const verifyFirst = () =>
  new AppError("FORBIDDEN", "Verify your email address first", { fields: { token: "accountant.errors.verifyFirst" } });

const openFor = (tokenHash: string, email: string, now: Date) => ({
  tokenHash,
  email: email.toLowerCase(),
  acceptedAt: null,
  declinedAt: null,
  withdrawnAt: null,
  expiresAt: { gt: now },
});

async function verifiedUser(userId: string) {
  return db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, emailVerifiedAt: true } });
}

/** What the invitation page shows for a link: the open invitation, "verify first", or "not valid". */
export async function findInvitationByToken(options: { caller: Caller; token: unknown; now?: Date }): Promise<InvitationByToken> {
  const { token } = options;
  if (typeof token !== "string" || !isTokenFormat(token)) return { status: "invalid" };
  const user = await verifiedUser(options.caller.userId);
  if (!user) return { status: "invalid" };
  if (!user.emailVerifiedAt) return { status: "unverified" };
  const invitation = await db().accountantInvitation.findFirst({
    where: openFor(hashToken(token), user.email, options.now ?? new Date()),
    include: { business: { select: { name: true } } },
  });
  if (!invitation) return { status: "invalid" };
  const inviter = invitation.invitedById
    ? await db().user.findUnique({ where: { id: invitation.invitedById }, select: { name: true } })
    : null;
  return {
    status: "open",
    invitation: {
      id: invitation.id,
      businessId: invitation.businessId,
      businessName: invitation.business.name,
      access: invitation.access,
      invitedBy: inviter?.name ?? null,
      expiresAt: invitation.expiresAt.toISOString(),
    },
  };
}

export async function respondToInvitation(options: {
  caller: Caller;
  token: string;
  accept: boolean;
  now?: Date;
}): Promise<{ businessId: string }> {
  const { caller, token, accept } = options;
  const now = options.now ?? new Date();
  if (typeof token !== "string" || !isTokenFormat(token)) throw notFound();
  const tokenHash = hashToken(token);
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: caller.userId }, select: { id: true, email: true, emailVerifiedAt: true } });
    if (!user) throw notFound();
    if (!user.emailVerifiedAt) throw verifyFirst();
    // Closing the invitation first, conditionally, makes the token (and a double click) work once.
    const { count } = await tx.accountantInvitation.updateMany({
      where: openFor(tokenHash, user.email, now),
      data: accept ? { acceptedAt: now } : { declinedAt: now },
    });
    if (count === 0) throw notFound();
    const invitation = await tx.accountantInvitation.findUniqueOrThrow({ where: { tokenHash } });
    const { businessId } = invitation;
    if (accept) {
      const existing = await tx.membership.findUnique({ where: { businessId_userId: { businessId, userId: user.id } } });
      if (existing) throw new AppError("CONFLICT", "Already has access", { fields: { token: "validation.alreadyMember" } });
      const membership = await tx.membership.create({
        data: { businessId, userId: user.id, role: "ACCOUNTANT", access: invitation.access },
      });
      await tx.user.update({ where: { id: user.id }, data: { isAccountant: true } });
      await writeAuditLog(tx, {
        businessId,
        actorId: user.id,
        action: "accountant.accept",
        entityType: "Membership",
        entityId: membership.id,
        after: { email: user.email, role: "ACCOUNTANT", access: invitation.access, invitationId: invitation.id },
      });
    } else {
      await writeAuditLog(tx, {
        businessId,
        actorId: user.id,
        action: "accountant.decline",
        entityType: "AccountantInvitation",
        entityId: invitation.id,
      });
    }
    return { businessId };
  });
}

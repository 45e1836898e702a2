// An owner invites an accountant by email for one business, with an access level. The
// accountant need not be registered yet. The invitation mail (queued in the outbox in the
// same transaction) carries a single-use token, of which only the SHA-256 is stored; the
// verified holder of the address accepts with it (respond-to-invitation.ts), until it
// expires or the owner withdraws it.
import { generateResetToken as generateToken } from "@/lib/platform/auth/password-reset/reset-token";
import { appBaseUrl } from "@/lib/platform/mail/app-url";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { parseOrThrow } from "@/lib/platform/validation";
import { INVITATION_DAYS, inviteAccountantSchema, type BusinessInvitationDto } from "./accountant.types";
import { invitationLink, renderInvitationMail } from "./render-invitation-mail";

export async function inviteAccountant(options: {
  caller: Caller;
  businessId: string;
  input: unknown;
  now?: Date;
}): Promise<BusinessInvitationDto> {
  const { caller, businessId } = options;
  const input = parseOrThrow(inviteAccountantSchema, options.input);
  const now = options.now ?? new Date();
  const { token, tokenHash } = generateToken();
  const invitation = await db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "manage", client: tx });
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (user) {
      const existing = await tx.membership.findUnique({ where: { businessId_userId: { businessId, userId: user.id } } });
      if (existing) throw new AppError("CONFLICT", "Already has access", { fields: { email: "validation.alreadyMember" } });
    }
    const pending = await tx.accountantInvitation.findFirst({
      where: { businessId, email: input.email, acceptedAt: null, declinedAt: null, withdrawnAt: null, expiresAt: { gt: now } },
    });
    if (pending) throw new AppError("CONFLICT", "Already invited", { fields: { email: "accountant.errors.alreadyInvited" } });
    const created = await tx.accountantInvitation.create({
      data: {
        businessId,
        email: input.email,
        access: input.access,
        tokenHash,
        invitedById: caller.userId,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      },
    });
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "accountant.invite",
      entityType: "AccountantInvitation",
      entityId: created.id,
      after: { email: input.email, access: input.access, expiresAt: created.expiresAt.toISOString() },
    });
    const [business, inviter] = await Promise.all([
      tx.business.findUniqueOrThrow({ where: { id: businessId }, select: { name: true } }),
      tx.user.findUnique({ where: { id: caller.userId }, select: { name: true } }),
    ]);
    const mail = renderInvitationMail({
      businessName: business.name,
      inviterName: inviter?.name ?? null,
      access: created.access,
      expiresAt: created.expiresAt,
      link: invitationLink(appBaseUrl(), token),
    });
    await tx.outboxJob.create({
      data: {
        kind: "INVITATION_EMAIL",
        dedupeKey: `invitation:${created.id}`,
        businessId,
        toAddress: created.email,
        subject: mail.subject,
        textBody: mail.text,
        htmlBody: mail.html,
        nextAttemptAt: now,
      },
      select: { id: true },
    });
    return created;
  });
  return {
    id: invitation.id,
    email: invitation.email,
    access: invitation.access,
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
  };
}

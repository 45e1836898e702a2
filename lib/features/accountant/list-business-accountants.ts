// An owner's view of who keeps the books from outside: the accountants with access and
// the invitations still open. An accountant's firm is their Firm's name, else the
// free-text firm of their profile.
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import type { BusinessAccountantDto, BusinessInvitationDto } from "./accountant.types";

export async function listBusinessAccountants(options: {
  caller: Caller;
  businessId: string;
  now?: Date;
}): Promise<{ accountants: BusinessAccountantDto[]; invitations: BusinessInvitationDto[] }> {
  const { businessId } = options;
  await requireBusinessAccess({ ...options, need: "manage" });
  const [memberships, invitations] = await Promise.all([
    db().membership.findMany({
      where: { businessId, role: "ACCOUNTANT" },
      include: {
        user: {
          select: { name: true, email: true, accountantFirm: true, firmMembership: { select: { firm: { select: { name: true } } } } },
        },
      },
      orderBy: { createdAt: "asc" },
    }),
    db().accountantInvitation.findMany({
      where: { businessId, acceptedAt: null, declinedAt: null, withdrawnAt: null, expiresAt: { gt: options.now ?? new Date() } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return {
    accountants: memberships.map((m) => ({
      membershipId: m.id,
      userId: m.userId,
      name: m.user.name,
      email: m.user.email,
      firm: m.user.firmMembership?.firm.name ?? m.user.accountantFirm,
      access: m.access,
      since: m.createdAt.toISOString(),
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      access: i.access,
      expiresAt: i.expiresAt.toISOString(),
      createdAt: i.createdAt.toISOString(),
    })),
  };
}

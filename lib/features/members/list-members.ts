// Who has access to a business; any member may see the list.
import { db } from "@/lib/platform/db/client";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import type { MemberDto } from "@/lib/features/members/member.types";

export async function listMembers(options: { caller: Caller; businessId: string }): Promise<MemberDto[]> {
  await requireBusinessAccess({ ...options, need: "read" });
  const memberships = await db().membership.findMany({
    where: { businessId: options.businessId },
    include: { user: { select: { name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({
    id: m.id,
    userId: m.userId,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    access: m.access,
    createdAt: m.createdAt.toISOString(),
  }));
}

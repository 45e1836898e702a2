// Whether a user has verified their address: what invitations and access requests require.
import type { Tx } from "@/lib/platform/db/client";
import { db } from "@/lib/platform/db/client";

export async function isEmailVerified(userId: string, client: Pick<Tx, "user"> = db()): Promise<boolean> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  return !!user?.emailVerifiedAt;
}

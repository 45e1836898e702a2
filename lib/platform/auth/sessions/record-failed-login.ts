// A wrong password for an existing account goes into that account's security log, so its
// owner sees the attempt. One statement whether or not the address has an account (an
// INSERT … SELECT that inserts nothing for an unknown one), so the answer takes as long.
// Nobody is logged in yet: a SECURITY DEFINER function writes the entry (migration
// *_login_without_system_mode); system mode is the worker's role's alone.
import { db } from "@/lib/platform/db/client";
import { loginSchema } from "@/lib/features/users/user.types";

export async function recordFailedLogin(options: { email: unknown; ip?: string | null }): Promise<void> {
  const email = loginSchema.shape.email.safeParse(options.email);
  if (!email.success) return;
  const after = JSON.stringify({ ip: options.ip?.slice(0, 100) ?? null });
  await db().$executeRaw`SELECT drempel_record_failed_login(${email.data}, ${after}::jsonb)`;
}

// A wrong password for an existing account goes into that account's security log, so its
// owner sees the attempt. One statement whether or not the address has an account (an
// INSERT … SELECT that inserts nothing for an unknown one), so the answer takes as long.
// Runs in system mode: nobody is logged in yet (as with password reset requests).
import { db } from "@/lib/db/client";
import { runAsSystem } from "@/lib/db/db-context";
import { Prisma } from "@/lib/generated/prisma/client";
import { loginSchema } from "@/lib/users/user.types";

export async function recordFailedLogin(options: { email: unknown; ip?: string | null }): Promise<void> {
  const email = loginSchema.shape.email.safeParse(options.email);
  if (!email.success) return;
  const after = JSON.stringify({ ip: options.ip?.slice(0, 100) ?? null });
  await runAsSystem(() =>
    db().$executeRaw(Prisma.sql`
      INSERT INTO "AuditLog" ("id", "businessId", "actorId", "action", "entityType", "entityId", "after", "createdAt")
      SELECT gen_random_uuid(), NULL, u."id", 'security.loginFailed', 'User', u."id"::text, ${after}::jsonb, now() AT TIME ZONE 'UTC'
        FROM "User" u WHERE u."email" = ${email.data}`),
  );
}

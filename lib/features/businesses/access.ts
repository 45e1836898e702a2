// The tenancy gate. Every read or write of a business's data starts here: it loads the
// caller's membership and answers NOT_FOUND to anyone without one, so an outsider cannot
// even learn that a business exists. Members who lack a right get FORBIDDEN.
import { z } from "zod";
import { db, queryRows, type Tx } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { Prisma, type Membership } from "@/lib/platform/db/generated/prisma/client";

/**
 * Who asks. `businessIds`: an API token limited to these businesses (lib/features/api-tokens);
 * every other business is "not found" to it, as to an outsider.
 */
export type Caller = { userId: string; businessIds?: readonly string[] };

/** Whether the caller's credential reaches the business at all. */
export function credentialReaches(caller: Caller, businessId: string): boolean {
  return !caller.businessIds || caller.businessIds.includes(businessId);
}
/** read: see the books; write: register invoices; manage: settings and members (owners). */
export type AccessNeed = "read" | "write" | "manage";

const uuid = z.uuid();

export function canWrite(membership: Pick<Membership, "role" | "access">): boolean {
  if (membership.role === "OWNER" || membership.role === "MEMBER") return true;
  return membership.access === "READ_WRITE";
}

export function canManage(membership: Pick<Membership, "role">): boolean {
  return membership.role === "OWNER";
}

export async function requireBusinessAccess(options: {
  caller: Caller;
  businessId: string;
  need: AccessNeed;
  client?: Tx;
}): Promise<Membership> {
  const { caller, businessId, need } = options;
  if (!uuid.safeParse(businessId).success || !uuid.safeParse(caller.userId).success || !credentialReaches(caller, businessId)) {
    throw new AppError("NOT_FOUND", "Business not found");
  }
  const client = options.client ?? db();
  const membership = await client.membership.findUnique({
    where: { businessId_userId: { businessId, userId: caller.userId } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "Business not found");
  if (need === "write" && !canWrite(membership)) throw new AppError("FORBIDDEN", "Read-only access");
  if (need === "manage" && !canManage(membership)) throw new AppError("FORBIDDEN", "Only an owner may do this");
  return membership;
}

/**
 * The gate, plus the business's books version (raised by the database with every change
 * of its invoices, KOR periods or facts) in the same query, for callers that reuse work
 * while the books are unchanged. `alongside` adds one text column, "alongside", computed
 * in the same statement once the membership is found (the invoice list reads its page
 * so: one round trip); it is thrown away when the caller lacks the right it needs.
 */
export async function requireBusinessAccessWithVersion(options: {
  caller: Caller;
  businessId: string;
  need: AccessNeed;
  alongside?: Prisma.Sql;
}): Promise<{ membership: Membership; booksVersion: number; alongside: string | null }> {
  const { caller, businessId, need } = options;
  if (!uuid.safeParse(businessId).success || !uuid.safeParse(caller.userId).success || !credentialReaches(caller, businessId)) {
    throw new AppError("NOT_FOUND", "Business not found");
  }
  // One round trip: Prisma's include would read the business in a second query.
  const rows = await queryRows<
    Omit<Membership, "createdAt"> & { createdAt: string; booksVersion: number; alongside: string | null }
  >(Prisma.sql`
    SELECT m."id", m."businessId", m."userId", m."role"::text AS "role", m."access"::text AS "access",
           to_char(m."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt", b."booksVersion",
           ${options.alongside ? Prisma.sql`(${options.alongside})` : Prisma.sql`NULL::text`} AS "alongside"
      FROM "Membership" m JOIN "Business" b ON b."id" = m."businessId"
     WHERE m."businessId" = ${businessId}::uuid AND m."userId" = ${caller.userId}::uuid`);
  const found = rows[0];
  if (!found) throw new AppError("NOT_FOUND", "Business not found");
  const { booksVersion, createdAt, alongside, ...rest } = found;
  const membership: Membership = { ...rest, createdAt: new Date(createdAt) };
  if (need === "write" && !canWrite(membership)) throw new AppError("FORBIDDEN", "Read-only access");
  if (need === "manage" && !canManage(membership)) throw new AppError("FORBIDDEN", "Only an owner may do this");
  return { membership, booksVersion, alongside };
}

// Accounting firms: an accountant creates one (and administers it), adds colleagues by the
// e-mail of a registered accountant, and any member may leave. A firm grants nothing by
// itself — access stays per person in Membership — it only says with whom a client may be
// shared (share-client.ts). An accountant belongs to at most one firm.
import type { Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { parseOrThrow } from "@/lib/platform/validation";
import { addFirmColleagueSchema, createFirmSchema, type FirmDto } from "./accountant.types";

export async function getMyFirm(options: { caller: Caller }): Promise<FirmDto | null> {
  const member = await db().firmMember.findUnique({
    where: { userId: options.caller.userId },
    include: {
      firm: { include: { members: { include: { user: { select: { name: true, email: true } } }, orderBy: { createdAt: "asc" } } } },
    },
  });
  if (!member) return null;
  return {
    id: member.firm.id,
    name: member.firm.name,
    role: member.role,
    members: member.firm.members.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, role: m.role })),
  };
}

export async function createFirm(options: { caller: Caller; input: unknown }): Promise<{ id: string }> {
  const { caller } = options;
  const input = parseOrThrow(createFirmSchema, options.input);
  return db().$transaction(async (tx) => {
    if (await tx.firmMember.findUnique({ where: { userId: caller.userId } })) {
      throw new AppError("CONFLICT", "Already in a firm", { fields: { name: "accountant.errors.alreadyInFirm" } });
    }
    const firm = await tx.firm.create({
      data: { name: input.name, createdById: caller.userId, members: { create: { userId: caller.userId, role: "ADMIN" } } },
    });
    await tx.user.update({ where: { id: caller.userId }, data: { isAccountant: true, accountantFirm: input.name } });
    await writeAuditLog(tx, {
      businessId: null,
      actorId: caller.userId,
      action: "firm.create",
      entityType: "Firm",
      entityId: firm.id,
      after: { name: input.name },
    });
    return { id: firm.id };
  });
}

/** The firm's administrator adds a registered accountant, with a verified address, who is in no firm yet. */
export async function addFirmColleague(options: { caller: Caller; input: unknown }): Promise<void> {
  const { caller } = options;
  const input = parseOrThrow(addFirmColleagueSchema, options.input);
  await db().$transaction(async (tx) => {
    const admin = await tx.firmMember.findUnique({ where: { userId: caller.userId }, include: { firm: true } });
    if (!admin) throw new AppError("NOT_FOUND", "Firm not found");
    if (admin.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only the firm's administrator may add colleagues");
    const colleague = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, isAccountant: true, emailVerifiedAt: true, firmMembership: true },
    });
    // Clients are shared with firm colleagues: whoever registered the address without proving it is nobody's colleague.
    if (!colleague?.isAccountant || !colleague.emailVerifiedAt)
      throw new AppError("VALIDATION_FAILED", "Not a registered accountant", { fields: { email: "accountant.errors.notAnAccountant" } });
    if (colleague.firmMembership)
      throw new AppError("CONFLICT", "Already in a firm", { fields: { email: "accountant.errors.colleagueInFirm" } });
    await tx.firmMember.create({ data: { firmId: admin.firmId, userId: colleague.id, role: "MEMBER" } });
    await tx.user.update({ where: { id: colleague.id }, data: { accountantFirm: admin.firm.name } });
    await writeAuditLog(tx, {
      businessId: null,
      actorId: caller.userId,
      action: "firm.addColleague",
      entityType: "Firm",
      entityId: admin.firmId,
      after: { email: input.email },
    });
  });
}

/**
 * Leaves the firm. The accountant keeps the clients they have access to (owners revoke
 * access, not firms). A leaving administrator hands the firm to the longest-standing
 * member; the last member's departure ends the firm.
 */
export async function leaveFirm(options: { caller: Caller }): Promise<void> {
  const { caller } = options;
  await db().$transaction(async (tx) => {
    const member = await tx.firmMember.findUnique({ where: { userId: caller.userId } });
    if (!member) throw new AppError("NOT_FOUND", "Firm not found");
    await tx.firmMember.delete({ where: { userId: caller.userId } });
    await tx.user.update({ where: { id: caller.userId }, data: { accountantFirm: null } });
    const next = await tx.firmMember.findFirst({ where: { firmId: member.firmId }, orderBy: { createdAt: "asc" } });
    if (!next) await tx.firm.delete({ where: { id: member.firmId } });
    else if (member.role === "ADMIN") await tx.firmMember.update({ where: { userId: next.userId }, data: { role: "ADMIN" } });
    await writeAuditLog(tx, {
      businessId: null,
      actorId: caller.userId,
      action: "firm.leave",
      entityType: "Firm",
      entityId: member.firmId,
    });
  });
}

/** The clients this accountant may share: every ACCOUNTANT membership, by name. */
export async function listShareableClients(options: { caller: Caller }): Promise<{ businessId: string; name: string }[]> {
  const memberships = await db().membership.findMany({
    where: { userId: options.caller.userId, role: "ACCOUNTANT" },
    select: { business: { select: { id: true, name: true } } },
    orderBy: { business: { name: "asc" } },
  });
  return memberships.map((m) => ({ businessId: m.business.id, name: m.business.name }));
}

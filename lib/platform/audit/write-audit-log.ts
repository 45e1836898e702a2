// Appends one entry to the audit log: who did what to which record, before and after.
import type { Tx } from "@/lib/platform/db/client";
import type { Prisma } from "@/lib/platform/db/generated/prisma/client";

export type AuditEntry = {
  businessId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

const asJson = (value: unknown): Prisma.InputJsonValue | undefined =>
  value === undefined || value === null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

// createMany: an INSERT without RETURNING. Appending needs no read back, and row-level
// security lets an invitee log its answer to a business whose log it may not read.
export async function writeAuditLog(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.createMany({
    data: {
      businessId: entry.businessId,
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: asJson(entry.before),
      after: asJson(entry.after),
    },
  });
}

// Guards tenant models against the `{ businessId: undefined }` trap: Prisma drops
// undefined keys, so such a filter silently matches every tenant (cal.com's lesson).
// Bulk reads and writes on a tenant model must name a real filter.
import { AppError } from "@/lib/platform/errors";

export const TENANT_MODELS = new Set([
  "Invoice",
  "KorParticipation",
  "Membership",
  "AuditLog",
  "BusinessAlert",
  "Notification",
  "BankStatementImport",
  "BankStatementLine",
  "BankCounterpartyRule",
]);
const GUARDED_OPERATIONS = new Set([
  "findMany",
  "findFirst",
  "findFirstOrThrow",
  "updateMany",
  "updateManyAndReturn",
  "deleteMany",
  "count",
  "aggregate",
  "groupBy",
]);

export class UnsafeWhereError extends AppError {
  constructor(model: string, operation: string, reason: string) {
    super("INTERNAL", `Refused ${model}.${operation}: ${reason}`);
    this.name = "UnsafeWhereError";
  }
}

function hasDefinedValue(where: Record<string, unknown>): boolean {
  return Object.values(where).some((value) => value !== undefined);
}

export function assertSafeWhere(model: string, operation: string, args: unknown): void {
  if (!TENANT_MODELS.has(model) || !GUARDED_OPERATIONS.has(operation)) return;
  const where = (args as { where?: Record<string, unknown> } | undefined)?.where;
  if (where && "businessId" in where && where.businessId === undefined) {
    throw new UnsafeWhereError(model, operation, "businessId is undefined");
  }
  if (!where || !hasDefinedValue(where)) {
    throw new UnsafeWhereError(model, operation, "a tenant query needs a where clause");
  }
}

// Marking a period's VAT return as filed: the figures as computed now are kept as the
// filed ones (a snapshot), so a later change of the period's invoices or purchases shows
// as a correction (suppletie). Marking a correction as filed replaces the snapshot with the
// corrected figures. One transaction with the access check; a refused request changes nothing.
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { fromIsoDate, parseOrThrow, toIsoDate } from "@/lib/platform/validation";
import { snapshotOf } from "./correction";
import { computePeriodReturn } from "./get-vat-return";
import { z } from "zod";
import { fileVatReturnSchema, periodLabel, type VatReturnFilingDto } from "./vat-return.types";

export async function fileVatReturn(options: {
  caller: Caller;
  businessId: string;
  period: string;
  input: unknown;
}): Promise<VatReturnFilingDto & { period: string }> {
  const { caller, businessId } = options;
  return db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
    const input = {
      ...parseOrThrow(fileVatReturnSchema, options.input),
      period: parseOrThrow(z.object({ period: periodLabel }), { period: options.period }).period,
    };
    const { vatReturn, required } = await computePeriodReturn({ businessId, label: input.period, client: tx });
    const existing = await tx.vatReturnFiling.findUnique({ where: { businessId_period: { businessId, period: input.period } } });
    if (!existing && !required)
      throw new AppError("VALIDATION_FAILED", "No return is due for this period", { fields: { period: "validation.notFiledPeriod" } });
    if (existing && !input.correction) throw new AppError("CONFLICT", "Already filed", { fields: { period: "validation.alreadyFiled" } });
    const figures = snapshotOf(vatReturn) as unknown as Prisma.InputJsonValue;
    const row = existing
      ? await tx.vatReturnFiling.update({ where: { id: existing.id }, data: { figures, filedOn: fromIsoDate(input.filedOn) } })
      : await tx.vatReturnFiling.create({
          data: { businessId, period: input.period, filedOn: fromIsoDate(input.filedOn), figures, createdById: caller.userId },
        });
    const dto = {
      period: row.period,
      filedOn: toIsoDate(row.filedOn),
      figures: snapshotOf(vatReturn),
      updatedAt: row.createdAt.toISOString(),
    };
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: existing ? "vatReturn.correctionFiled" : "vatReturn.filed",
      entityType: "VatReturnFiling",
      entityId: row.id,
      before: existing ? { filedOn: toIsoDate(existing.filedOn), figures: existing.figures } : undefined,
      after: { period: dto.period, filedOn: dto.filedOn },
    });
    return dto;
  });
}

// Adding, changing and removing an investment good: validated, checked against the
// caller's right to write (owner, member, read-write accountant), audit-logged, all in one
// transaction — a refused or invalid request changes nothing.
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db, type Tx } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { parseOrThrow } from "@/lib/platform/validation";
import { investmentGoodInputSchema, toInvestmentGoodDto, type InvestmentGoodDto } from "./investment-good.types";

async function findGoodOfBusiness(tx: Tx, businessId: string, goodId: string) {
  // Scoped by business: another business's id is simply not found.
  const good = /^[0-9a-f-]{36}$/i.test(goodId) ? await tx.investmentGood.findFirst({ where: { id: goodId, businessId } }) : null;
  if (!good) throw new AppError("NOT_FOUND", "Investment good not found");
  return good;
}

export async function createInvestmentGood(options: { caller: Caller; businessId: string; input: unknown }): Promise<InvestmentGoodDto> {
  const { caller, businessId } = options;
  return db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
    const data = parseOrThrow(investmentGoodInputSchema, options.input);
    const row = await tx.investmentGood.create({
      data: { businessId, description: data.description, vatCents: data.vat, firstUseYear: data.firstUseYear, kind: data.kind },
    });
    const after = toInvestmentGoodDto(row);
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "investmentGood.create",
      entityType: "InvestmentGood",
      entityId: row.id,
      after,
    });
    return after;
  });
}

export async function updateInvestmentGood(options: {
  caller: Caller;
  businessId: string;
  goodId: string;
  input: unknown;
}): Promise<InvestmentGoodDto> {
  const { caller, businessId, goodId } = options;
  return db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
    const existing = await findGoodOfBusiness(tx, businessId, goodId);
    const data = parseOrThrow(investmentGoodInputSchema, options.input);
    const row = await tx.investmentGood.update({
      where: { id: existing.id },
      data: { description: data.description, vatCents: data.vat, firstUseYear: data.firstUseYear, kind: data.kind },
    });
    const after = toInvestmentGoodDto(row);
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "investmentGood.update",
      entityType: "InvestmentGood",
      entityId: row.id,
      before: toInvestmentGoodDto(existing),
      after,
    });
    return after;
  });
}

export async function deleteInvestmentGood(options: { caller: Caller; businessId: string; goodId: string }): Promise<InvestmentGoodDto> {
  const { caller, businessId, goodId } = options;
  return db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
    const existing = await findGoodOfBusiness(tx, businessId, goodId);
    await tx.investmentGood.delete({ where: { id: existing.id } });
    const before = toInvestmentGoodDto(existing);
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "investmentGood.delete",
      entityType: "InvestmentGood",
      entityId: existing.id,
      before,
    });
    return before;
  });
}

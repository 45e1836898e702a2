// Registering, changing and removing a purchase: validated, checked against the caller's
// right to write, audit-logged, in one transaction — a refused or invalid request changes
// nothing. An investment good (category INVESTMENT_*) is also a good in the btw-herziening
// planner (lib/features/investment-goods): the purchase creates it, keeps it in step and removes it.
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db, type Tx } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { fromIsoDate, parseOrThrow, parsePatchOrThrow } from "@/lib/platform/validation";
import {
  isInvestmentCategory,
  purchaseInputSchema,
  purchasePatchSchema,
  toPurchaseDto,
  toPurchaseInput,
  type PurchaseDto,
  type PurchaseInput,
} from "./purchase.types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findPurchaseOfBusiness(client: Pick<Tx, "purchase">, businessId: string, purchaseId: string) {
  // Scoped by business: another business's id is simply not found.
  const purchase = UUID.test(purchaseId) ? await client.purchase.findFirst({ where: { id: purchaseId, businessId } }) : null;
  if (!purchase) throw new AppError("NOT_FOUND", "Purchase not found");
  return purchase;
}

/** A validated purchase as the columns of its row (the bulk import writes them without the per-row path). */
export const purchaseColumns = (data: PurchaseInput) => ({
  documentKind: data.documentKind === "receipt" ? ("RECEIPT" as const) : ("INVOICE" as const),
  reference: data.reference,
  date: fromIsoDate(data.date),
  supplierName: data.supplierName,
  supplierCountry: data.supplierCountry,
  supplierVatId: data.supplierVatId,
  netCents: data.netCents,
  vatCents: data.vatCents,
  ratePercent: data.ratePercent,
  vatTreatment: data.vatTreatment,
  category: data.category,
  description: data.description,
  creditsPurchaseId: data.creditsPurchaseId,
});

/**
 * The purchase a credit note corrects must be a purchase invoice of the same business (an
 * outsider's id is simply not found), not a credit or receipt itself, and not the credit note.
 */
export async function checkCreditedPurchase(tx: Pick<Tx, "purchase">, businessId: string, data: PurchaseInput, selfId?: string) {
  if (!data.creditsPurchaseId) return;
  const target = await tx.purchase.findFirst({
    where: { id: data.creditsPurchaseId, businessId },
    select: { id: true, documentKind: true, netCents: true },
  });
  if (!target || target.id === selfId)
    throw new AppError("VALIDATION_FAILED", "Unknown purchase", { fields: { creditsPurchaseId: "validation.creditsPurchase" } });
  if (target.documentKind !== "INVOICE" || target.netCents <= 0)
    throw new AppError("VALIDATION_FAILED", "Not a purchase invoice", {
      fields: { creditsPurchaseId: "validation.creditsPurchaseNotInvoice" },
    });
}

/** The planner's good for an investment purchase: its VAT, first used in the purchase's year. */
const goodOf = (data: PurchaseInput) => ({
  description: (data.description ?? data.supplierName).slice(0, 200),
  vatCents: data.vatCents,
  firstUseYear: Number(data.date.slice(0, 4)),
  kind: data.category === "INVESTMENT_IMMOVABLE" ? ("IMMOVABLE" as const) : ("MOVABLE" as const),
});

/** Creates or updates the linked investment good; removes it when the purchase is no longer one. */
async function syncInvestmentGood(tx: Tx, businessId: string, data: PurchaseInput, currentGoodId: string | null): Promise<string | null> {
  if (!isInvestmentCategory(data.category)) {
    if (currentGoodId) await tx.investmentGood.deleteMany({ where: { id: currentGoodId, businessId } });
    return null;
  }
  if (currentGoodId) {
    await tx.investmentGood.updateMany({ where: { id: currentGoodId, businessId }, data: goodOf(data) });
    const still = await tx.investmentGood.findFirst({ where: { id: currentGoodId, businessId }, select: { id: true } });
    if (still) return currentGoodId;
  }
  return (await tx.investmentGood.create({ data: { businessId, ...goodOf(data) } })).id;
}

/** Inserts one validated purchase (and its investment good); the caller has checked access. */
export async function insertPurchase(
  tx: Tx,
  options: { businessId: string; userId: string; data: PurchaseInput; audit?: boolean },
): Promise<PurchaseDto> {
  const { businessId, data } = options;
  await checkCreditedPurchase(tx, businessId, data);
  const investmentGoodId = await syncInvestmentGood(tx, businessId, data, null);
  const row = await tx.purchase.create({ data: { businessId, ...purchaseColumns(data), investmentGoodId, createdById: options.userId } });
  const after = toPurchaseDto(row);
  if (options.audit !== false)
    await writeAuditLog(tx, {
      businessId,
      actorId: options.userId,
      action: "purchase.create",
      entityType: "Purchase",
      entityId: row.id,
      after,
    });
  return after;
}

export async function createPurchase(options: { caller: Caller; businessId: string; input: unknown; client?: Tx }): Promise<PurchaseDto> {
  const { caller, businessId } = options;
  const work = async (tx: Tx) => {
    await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
    const data = parseOrThrow(purchaseInputSchema, options.input);
    return insertPurchase(tx, { businessId, userId: caller.userId, data });
  };
  return options.client ? work(options.client) : db().$transaction(work);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** PATCH: the patch merged into the stored purchase (the supplier field by field), the whole validated. */
export async function updatePurchase(options: {
  caller: Caller;
  businessId: string;
  purchaseId: string;
  patch: unknown;
}): Promise<PurchaseDto> {
  const { caller, businessId, purchaseId } = options;
  return db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
    const existing = await findPurchaseOfBusiness(tx, businessId, purchaseId);
    if (!isPlainObject(options.patch)) throw new AppError("VALIDATION_FAILED", "Validation failed", { fields: { _: "validation.object" } });
    const before = toPurchaseDto(existing);
    const stored = toPurchaseInput(before);
    const patch = options.patch;
    // A new rate or treatment without a VAT amount recomputes the VAT instead of keeping the old one.
    if (("ratePercent" in patch || "netCents" in patch || "vatTreatment" in patch) && !("vatCents" in patch)) delete stored.vatCents;
    const merged = {
      ...stored,
      ...patch,
      supplier: isPlainObject(patch.supplier) ? { ...(stored.supplier as object), ...patch.supplier } : (patch.supplier ?? stored.supplier),
    };
    // The patch as the API document shows it, and the whole it makes.
    const data = parsePatchOrThrow({ patchSchema: purchasePatchSchema, patch, schema: purchaseInputSchema, merged });
    await checkCreditedPurchase(tx, businessId, data, existing.id);
    const investmentGoodId = await syncInvestmentGood(tx, businessId, data, existing.investmentGoodId);
    const row = await tx.purchase.update({ where: { id: existing.id }, data: { ...purchaseColumns(data), investmentGoodId } });
    const after = toPurchaseDto(row);
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "purchase.update",
      entityType: "Purchase",
      entityId: row.id,
      before,
      after,
    });
    return after;
  });
}

export async function deletePurchase(options: { caller: Caller; businessId: string; purchaseId: string }): Promise<PurchaseDto> {
  const { caller, businessId, purchaseId } = options;
  return db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
    const existing = await findPurchaseOfBusiness(tx, businessId, purchaseId);
    await tx.purchase.delete({ where: { id: existing.id } });
    if (existing.investmentGoodId) await tx.investmentGood.deleteMany({ where: { id: existing.investmentGoodId, businessId } });
    const before = toPurchaseDto(existing);
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "purchase.delete",
      entityType: "Purchase",
      entityId: existing.id,
      before,
    });
    return before;
  });
}

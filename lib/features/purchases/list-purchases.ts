// The purchases of one business (one year, or all), in date order; anyone who may see the
// books may read them. The year's totals come along for the list's footer.
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { fromIsoDate, parseOrThrow } from "@/lib/platform/validation";
import { findPurchaseOfBusiness } from "./save-purchase";
import { listPurchasesQuerySchema, toPurchaseDto, type PurchaseDto } from "./purchase.types";

export type PurchaseList = { data: PurchaseDto[]; totals: { count: number; netCents: number; vatCents: number } };

export async function listPurchases(options: { caller: Caller; businessId: string; query?: unknown }): Promise<PurchaseList> {
  const { caller, businessId } = options;
  await requireBusinessAccess({ caller, businessId, need: "read" });
  const { year } = parseOrThrow(listPurchasesQuerySchema, options.query ?? {});
  const rows = await db().purchase.findMany({
    where: { businessId, ...(year ? { date: { gte: fromIsoDate(`${year}-01-01`), lte: fromIsoDate(`${year}-12-31`) } } : {}) },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }, { id: "asc" }],
  });
  const data = rows.map(toPurchaseDto);
  return {
    data,
    totals: {
      count: data.length,
      netCents: data.reduce((sum, p) => sum + p.netCents, 0),
      vatCents: data.reduce((sum, p) => sum + p.vatCents, 0),
    },
  };
}

export async function getPurchase(options: { caller: Caller; businessId: string; purchaseId: string }): Promise<PurchaseDto> {
  const { caller, businessId, purchaseId } = options;
  await requireBusinessAccess({ caller, businessId, need: "read" });
  return toPurchaseDto(await findPurchaseOfBusiness(db(), businessId, purchaseId));
}

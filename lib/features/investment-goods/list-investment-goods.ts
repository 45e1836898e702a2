// The investment goods of one business, oldest first; anyone who may see the books may read them.
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { toInvestmentGoodDto, type InvestmentGoodDto } from "./investment-good.types";

export async function listInvestmentGoods(options: { caller: Caller; businessId: string }): Promise<InvestmentGoodDto[]> {
  const { caller, businessId } = options;
  await requireBusinessAccess({ caller, businessId, need: "read" });
  const rows = await db().investmentGood.findMany({
    where: { businessId },
    orderBy: [{ firstUseYear: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toInvestmentGoodDto);
}

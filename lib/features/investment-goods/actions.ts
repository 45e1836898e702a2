"use server";
// Server actions for the investment goods of the btw-herziening planner: resolve the
// caller, call lib/features/investment-goods (which checks access and validates), revalidate.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/platform/action-result";
import { requireCaller } from "@/lib/platform/auth/current-user";
import type { InvestmentGoodDto } from "@/lib/features/investment-goods/investment-good.types";
import { createInvestmentGood, deleteInvestmentGood, updateInvestmentGood } from "@/lib/features/investment-goods/save-investment-good";

export async function createInvestmentGoodAction(businessId: string, input: unknown): Promise<ActionResult<InvestmentGoodDto>> {
  return runAction(async () => {
    const good = await createInvestmentGood({ caller: await requireCaller(), businessId, input });
    revalidatePath(`/businesses/${businessId}`);
    return good;
  });
}

export async function updateInvestmentGoodAction(
  businessId: string,
  goodId: string,
  input: unknown,
): Promise<ActionResult<InvestmentGoodDto>> {
  return runAction(async () => {
    const good = await updateInvestmentGood({ caller: await requireCaller(), businessId, goodId, input });
    revalidatePath(`/businesses/${businessId}`);
    return good;
  });
}

export async function deleteInvestmentGoodAction(businessId: string, goodId: string): Promise<ActionResult<InvestmentGoodDto>> {
  return runAction(async () => {
    const good = await deleteInvestmentGood({ caller: await requireCaller(), businessId, goodId });
    revalidatePath(`/businesses/${businessId}`);
    return good;
  });
}

"use server";
// Server actions for purchases and the saved KOR comparison: resolve the caller, call
// lib/ (which checks access and validates), revalidate the pages that show them.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/platform/action-result";
import { requireCaller } from "@/lib/platform/auth/current-user";
import type { SavedKorComparison } from "@/lib/features/dashboard/dashboard.types";
import { saveKorComparison } from "@/lib/features/dashboard/save-kor-comparison";
import type { PurchaseDto } from "@/lib/features/purchases/purchase.types";
import { createPurchase, deletePurchase, updatePurchase } from "@/lib/features/purchases/save-purchase";

function revalidate(businessId: string) {
  revalidatePath(`/businesses/${businessId}/purchases`);
  revalidatePath(`/businesses/${businessId}/vat-return`);
  revalidatePath(`/businesses/${businessId}`);
}

export async function createPurchaseAction(businessId: string, input: unknown): Promise<ActionResult<PurchaseDto>> {
  return runAction(async () => {
    const purchase = await createPurchase({ caller: await requireCaller(), businessId, input });
    revalidate(businessId);
    return purchase;
  });
}

export async function updatePurchaseAction(businessId: string, purchaseId: string, input: unknown): Promise<ActionResult<PurchaseDto>> {
  return runAction(async () => {
    const purchase = await updatePurchase({ caller: await requireCaller(), businessId, purchaseId, patch: input });
    revalidate(businessId);
    return purchase;
  });
}

export async function deletePurchaseAction(businessId: string, purchaseId: string): Promise<ActionResult<PurchaseDto>> {
  return runAction(async () => {
    const purchase = await deletePurchase({ caller: await requireCaller(), businessId, purchaseId });
    revalidate(businessId);
    return purchase;
  });
}

export async function saveKorComparisonAction(businessId: string, input: unknown): Promise<ActionResult<SavedKorComparison>> {
  return runAction(async () => {
    const saved = await saveKorComparison({ caller: await requireCaller(), businessId, input });
    revalidatePath(`/businesses/${businessId}`);
    return saved;
  });
}

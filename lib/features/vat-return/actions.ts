"use server";
// Server action: mark a period's VAT return (or its correction) as filed.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/platform/action-result";
import { requireCaller } from "@/lib/platform/auth/current-user";
import { fileVatReturn } from "@/lib/features/vat-return/file-vat-return";

export async function fileVatReturnAction(
  businessId: string,
  period: string,
  input: unknown,
): Promise<ActionResult<{ period: string; filedOn: string }>> {
  return runAction(async () => {
    const filing = await fileVatReturn({ caller: await requireCaller(), businessId, period, input });
    revalidatePath(`/businesses/${businessId}/vat-return`);
    return { period: filing.period, filedOn: filing.filedOn };
  });
}

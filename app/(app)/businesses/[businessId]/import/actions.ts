"use server";
// Server actions of the CSV import: preview (writes nothing) and commit (all or nothing).
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { requireCaller } from "@/lib/auth/current-user";
import { commitImport, previewImport, type ImportResult } from "@/lib/invoices/import/import-invoices";
import type { ImportPreview } from "@/lib/invoices/import/import.types";


export async function previewImportAction(businessId: string, csv: string, mapping: unknown): Promise<ActionResult<ImportPreview>> {
  return runAction(async () => previewImport({ caller: await requireCaller(), businessId, csv, mapping }));
}

export async function commitImportAction(businessId: string, csv: string, mapping: unknown): Promise<ActionResult<ImportResult>> {
  return runAction(async () => {
    const result = await commitImport({ caller: await requireCaller(), businessId, csv, mapping });
    revalidatePath(`/businesses/${businessId}`, "layout");
    return result;
  });
}

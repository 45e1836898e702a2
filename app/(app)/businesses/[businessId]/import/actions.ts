"use server";
// Server action of the CSV import's preview (writes nothing). The commit goes to the
// import API with a progress stream (components/import/stream-import.ts).
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { requireCaller } from "@/lib/auth/current-user";
import { previewImport } from "@/lib/invoices/import/import-invoices";
import type { ImportPreview } from "@/lib/invoices/import/import.types";


export async function previewImportAction(businessId: string, csv: string, mapping: unknown): Promise<ActionResult<ImportPreview>> {
  return runAction(async () => previewImport({ caller: await requireCaller(), businessId, csv, mapping }));
}

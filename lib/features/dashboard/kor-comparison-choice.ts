// The "should I be in the KOR?" answer as the owner saved it (KorComparisonChoice); written
// by save-kor-comparison.ts, read with the dashboard.
import { db } from "@/lib/platform/db/client";
import type { SavedKorComparison } from "./dashboard.types";

/** The "should I be in the KOR?" answer as saved for the year. */
export async function loadSavedKorComparison(businessId: string, year: number): Promise<SavedKorComparison | null> {
  const row = await db().korComparisonChoice.findUnique({ where: { businessId_year: { businessId, year } } });
  if (!row) return null;
  const result = row.result as Omit<SavedKorComparison, "inputVatCents" | "businessCustomerShare" | "savedAt">;
  return {
    ...result,
    inputVatCents: row.inputVatCents,
    businessCustomerShare: row.businessCustomerShare,
    savedAt: row.savedAt.toISOString(),
  };
}

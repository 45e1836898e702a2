// The year's deductible VAT on purchases (voorbelasting), as the KOR comparison uses it.
import { db } from "@/lib/platform/db/client";
import { fromIsoDate } from "@/lib/platform/validation";

/**
 * The year's VAT on purchases that the business could deduct outside the KOR: Dutch VAT
 * charged and reverse-charged VAT (inside the KOR the latter is owed without deduction).
 */
export async function yearInputVat(businessId: string, year: number): Promise<{ vatCents: number; count: number }> {
  const totals = await db().purchase.aggregate({
    where: { businessId, vatTreatment: { not: "NO_VAT" }, date: { gte: fromIsoDate(`${year}-01-01`), lte: fromIsoDate(`${year}-12-31`) } },
    _sum: { vatCents: true },
    _count: true,
  });
  return { vatCents: totals._sum.vatCents ?? 0, count: totals._count };
}

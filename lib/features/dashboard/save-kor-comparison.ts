// Saving the "should I be in the KOR?" answer for a year: the input VAT is not typed but
// read from the registered purchases (yearInputVat), the sales per rate come from the
// dashboard's evaluation, and compareKor answers; the owner chooses only the share of
// business customers. Saved per business and year (KorComparisonChoice), overwritten by
// the next save. Write access, checked first; a refused request changes nothing.
import { z } from "zod";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { parseOrThrow, yearSchema } from "@/lib/platform/validation";
import { compareKor } from "./kor-comparison";
import type { SavedKorComparison } from "./dashboard.types";
import { getDashboard } from "./get-dashboard";
import { loadSavedKorComparison } from "./kor-comparison-choice";

export const korComparisonInputSchema = z
  .object({
    year: yearSchema,
    businessCustomerShare: z.coerce
      .number("validation.share")
      .min(0, "validation.share")
      .max(100, "validation.share")
      .transform((share) => Math.round(share)),
  })
  .strict();

export async function saveKorComparison(options: { caller: Caller; businessId: string; input: unknown }): Promise<SavedKorComparison> {
  const { caller, businessId } = options;
  await requireBusinessAccess({ caller, businessId, need: "write" });
  const input = parseOrThrow(korComparisonInputSchema, options.input);
  const { comparison } = await getDashboard({ caller, businessId, year: input.year });
  const result = compareKor({
    salesByRate: comparison.salesByRate,
    inputVatCents: comparison.inputVatCents,
    businessCustomerShare: input.businessCustomerShare / 100,
  });
  const stored = {
    outsideMinusInsideCents: result.outsideMinusInsideCents,
    verdict: result.verdict,
    vatFromConsumerPricesCents: result.vatFromConsumerPricesCents,
    vatPassedOnCents: result.vatPassedOnCents,
  };
  await db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
    const data = {
      inputVatCents: comparison.inputVatCents,
      businessCustomerShare: input.businessCustomerShare,
      result: stored,
      savedById: caller.userId,
      savedAt: new Date(),
    };
    await tx.korComparisonChoice.upsert({
      where: { businessId_year: { businessId, year: input.year } },
      create: { businessId, year: input.year, ...data },
      update: data,
    });
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "korComparison.save",
      entityType: "KorComparisonChoice",
      after: { year: input.year, ...data, savedAt: undefined },
    });
  });
  return (await loadSavedKorComparison(businessId, input.year))!;
}

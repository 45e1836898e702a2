// Builds the rules engine's input from a business's stored books: its facts, KOR periods
// and every non-deleted invoice of every year (the engine needs last year for eligibility
// and earlier years for seasonality). Caller access is checked by the caller.
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { EngineInput, Transaction } from "@/lib/kor/types";
import { toIsoDate } from "@/lib/validation";

export async function loadEngineInput(options: { businessId: string; asOf: string; client?: Tx }): Promise<EngineInput> {
  const client = options.client ?? db();
  const [business, invoices] = await Promise.all([
    client.business.findUniqueOrThrow({ where: { id: options.businessId }, include: { korParticipations: true } }),
    client.invoice.findMany({
      where: { businessId: options.businessId, deletedAt: null },
      select: { id: true, date: true, netCents: true, vatCents: true, category: true, country: true, ancillary: true, sequence: true },
      // Input order is the tie-break within a day when no sequence is given (§2).
      orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const transactions: Transaction[] = invoices.map((invoice) => ({
    id: invoice.id,
    date: toIsoDate(invoice.date),
    netCents: invoice.netCents,
    vatCents: invoice.vatCents,
    category: invoice.category,
    ...(invoice.country ? { country: invoice.country } : {}),
    ...(invoice.ancillary ? { ancillary: true } : {}),
    ...(invoice.sequence !== null ? { sequence: invoice.sequence } : {}),
  }));
  return {
    asOf: options.asOf,
    business: {
      establishedIn: business.establishedIn,
      fixedEstablishmentOnly: business.fixedEstablishmentOnly,
      ...(business.startedOn ? { startedOn: toIsoDate(business.startedOn) } : {}),
      filingPeriod: business.filingPeriod === "MONTH" ? "month" : "quarter",
      korParticipations: business.korParticipations
        .map((period) => ({ from: toIsoDate(period.from), ...(period.to ? { to: toIsoDate(period.to) } : {}) }))
        .sort((a, b) => a.from.localeCompare(b.from)),
      ...(business.euKorEnabled
        ? {
            euKor: {
              ...(business.euKorExNumber ? { exNumber: business.euKorExNumber } : {}),
              ...(business.euKorFrom ? { from: toIsoDate(business.euKorFrom) } : {}),
              memberStates: business.euKorMemberStates,
            },
          }
        : {}),
    },
    transactions,
  };
}

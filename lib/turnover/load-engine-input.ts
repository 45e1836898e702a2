// Builds the rules engine's input from a business's stored books: its facts, KOR periods
// and every non-deleted invoice of every year (the engine needs last year for eligibility
// and earlier years for seasonality). Caller access is checked by the caller.
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { Business as EngineBusiness, EngineInput, Transaction } from "@/lib/kor/types";
import { toIsoDate } from "@/lib/validation";
import { loadMemberStateThresholds } from "@/lib/eu-kor/load-member-state-thresholds";

/** The engine's business facts from a stored business and its KOR periods. */
export type LoadedBusiness = {
  filingPeriod: "QUARTER" | "MONTH";
  establishedIn: string;
  fixedEstablishmentOnly: boolean;
  startedOn: Date | null;
  euKorEnabled: boolean;
  euKorExNumber: string | null;
  euKorFrom: Date | null;
  euKorMemberStates: string[];
  korParticipations: { from: Date; to: Date | null }[];
};

export function toEngineBusiness(business: LoadedBusiness): EngineBusiness {
  return {
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
  };
}

export async function loadEngineInput(options: { businessId: string; asOf: string; client?: Tx }): Promise<EngineInput> {
  const client = options.client ?? db();
  const [business, rows, memberStateThresholdsByYear] = await Promise.all([
    client.business.findUniqueOrThrow({ where: { id: options.businessId }, include: { korParticipations: true } }),
    // One row holding a JSON array: at 10,000 invoices Prisma's per-row mapping costs far
    // more than PostgreSQL's json_agg and one JSON.parse. Input order is the tie-break
    // within a day when no sequence is given (§2).
    client.$queryRawUnsafe<{ transactions: string | null }[]>(
      `SELECT json_agg(json_build_array("id", to_char("date", 'YYYY-MM-DD'), "netCents", "vatCents", "category", "country", "ancillary", "sequence")
         ORDER BY "date", "createdAt", "id")::text AS transactions
       FROM "Invoice" WHERE "businessId" = $1::uuid AND "deletedAt" IS NULL`,
      options.businessId,
    ),
    // The member-state thresholds of every year, as stored (reference data, readable by all).
    loadMemberStateThresholds({ client }),
  ]);
  type Row = [string, string, number, number, Transaction["category"], string | null, boolean, number | null];
  const transactions: Transaction[] = (JSON.parse(rows[0]?.transactions ?? "[]") as Row[]).map(([id, date, netCents, vatCents, category, country, ancillary, sequence]) => ({
    id,
    date,
    netCents,
    vatCents,
    category,
    ...(country ? { country } : {}),
    ...(ancillary ? { ancillary: true } : {}),
    ...(sequence !== null ? { sequence } : {}),
  }));
  return {
    asOf: options.asOf,
    business: toEngineBusiness(business),
    transactions,
    rules: { memberStateThresholdsByYear },
  };
}
